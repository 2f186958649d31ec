import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/not-found-content';
import { SiteChrome } from '@/components/site-chrome';

export const metadata: Metadata = { title: '页面不存在', robots: { index: false } };

/** For URLs no route matches: outside the public layout, so it brings the chrome itself. */
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundContent />
    </SiteChrome>
  );
}
