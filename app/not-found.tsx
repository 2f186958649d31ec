import { NotFoundContent } from '@/components/not-found-content';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';

/** For URLs no route matches: outside the public layout, so it brings the chrome itself. */
export default function NotFound() {
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <SiteHeader />
      <main id="main" className="container" tabIndex={-1}>
        <NotFoundContent />
      </main>
      <SiteFooter />
    </>
  );
}
