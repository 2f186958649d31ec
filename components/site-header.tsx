import Link from 'next/link';
import { siteConfig } from '@/lib/site';

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link href="/" className="site-name">
          {siteConfig.name}
        </Link>
        <nav aria-label="主导航">
          <ul className="nav-list">
            <li><Link href="/">首页</Link></li>
            <li><Link href="/archive">归档</Link></li>
            <li><Link href="/categories">分类</Link></li>
            <li><Link href="/tags">标签</Link></li>
            <li><Link href="/search">搜索</Link></li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
