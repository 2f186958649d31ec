import { NotFoundContent } from '@/components/not-found-content';
import { SiteChrome } from '@/components/site-chrome';

/** For URLs no route matches: outside the public layout, so it brings the chrome itself. */
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundContent />
    </SiteChrome>
  );
}
