import { siteConfig } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          © {siteConfig.name} · <a href="/feed.xml">RSS 订阅</a> · <a href="/sitemap.xml">站点地图</a>
        </p>
      </div>
    </footer>
  );
}
