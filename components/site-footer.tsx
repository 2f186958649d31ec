import { getSiteSettings } from '@/lib/settings/read';

export async function SiteFooter() {
  const { title } = await getSiteSettings();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          © {title} · <a href="/feed.xml">RSS 订阅</a> · <a href="/sitemap.xml">站点地图</a>
        </p>
      </div>
    </footer>
  );
}
