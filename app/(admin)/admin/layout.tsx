import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Suspense, type ReactNode } from 'react';
import { SiteClockProvider } from '@/components/admin/site-clock.client';
import { AdminUserMenu } from '@/components/admin/user-menu';
import { siteTimeZone } from '@/lib/settings/time-zone';
import '../admin.css';
import '../admin-editor.css';

export const metadata: Metadata = { title: { default: '后台', template: '%s · 后台' }, robots: { index: false } };

// Rendered per request, shell included, so every script carries the request's nonce (proxy.ts).
export const instant = false;

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await connection();
  const timeZone = await siteTimeZone();
  return (
    <div className="admin">
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className="admin-header">
        <nav aria-label="后台导航" className="admin-nav">
          <Link href="/admin" className="site-name">
            后台
          </Link>
          <Link href="/admin">文章</Link>
          <Link href="/admin/posts/new">写文章</Link>
          <Link href="/admin/tags">标签</Link>
          <Link href="/admin/media">媒体库</Link>
          <Link href="/admin/import">导入导出</Link>
          <Suspense>
            <AdminUserMenu />
          </Suspense>
          <Link href="/" className="view-site">
            查看网站
          </Link>
        </nav>
      </header>
      <main id="main" className="admin-main" tabIndex={-1}>
        <SiteClockProvider timeZone={timeZone}>
          <Suspense fallback={<p>加载中…</p>}>{children}</Suspense>
        </SiteClockProvider>
      </main>
    </div>
  );
}
