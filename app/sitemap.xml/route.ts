import { countSitemapChunks } from '@/lib/posts/public';
import { sitemapIndex, xmlResponse } from '@/lib/sitemap';
import { publicOrigin } from '@/lib/settings/read';

/** A sitemap index: a site past 50,000 posts cannot be one file. */
export async function GET() {
  const origin = (await publicOrigin()).origin;
  const chunks = await countSitemapChunks();
  const posts = Array.from({ length: chunks }, (_, n) => `${origin}/sitemaps/posts-${n}.xml`);
  return xmlResponse(sitemapIndex([`${origin}/sitemaps/pages.xml`, ...posts]));
}
