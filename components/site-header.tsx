import Link from 'next/link';
import { getSiteSettings } from '@/lib/settings/read';

/** The site's title (or logo) and navigation, from the site settings. */
export async function SiteHeader() {
  const { title, logoUrl, navLinks } = await getSiteSettings();
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link href="/" className="site-name">
          {/* eslint-disable-next-line @next/next/no-img-element -- any URL the admin saves; next/image would need each host allow-listed */}
          {logoUrl ? <img src={logoUrl} alt="" height={32} className="site-logo" /> : null}
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
