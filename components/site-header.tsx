import Link from 'next/link';
import { getSiteLogo, getSiteSettings } from '@/lib/settings/read';

/** The site's title (or logo) and navigation, from the site settings. */
export async function SiteHeader() {
  const [{ title, navLinks }, logo] = await Promise.all([getSiteSettings(), getSiteLogo()]);
  const LOGO_HEIGHT = 32;
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link href="/" className="site-name">
          {/* eslint-disable-next-line @next/next/no-img-element -- a media-library file, already resized and immutable; public pages run no script */}
          {logo ? <img src={logo.url} alt="" height={LOGO_HEIGHT} width={logo.width && logo.height ? Math.round((LOGO_HEIGHT * logo.width) / logo.height) : undefined} className="site-logo" /> : null}
          {title}
        </Link>
        <nav aria-label="主导航">
          <ul className="nav-list">
            {navLinks.map((link) => (
              <li key={`${link.label}${link.href}`}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
