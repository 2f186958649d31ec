import { listArchiveMonths } from '@/lib/posts/archive';
import { listSitemapPosts } from '@/lib/posts/public';
import { urlSet, xmlResponse, type SitemapUrl } from '@/lib/sitemap';
import { publicOrigin } from '@/lib/settings/read';
import { archiveMonthPath, categoryPath, postPath, tagPath } from '@/lib/site';
import { listTermsWithCounts } from '@/lib/terms/public';

export const generateStaticParams = async () => [{ name: 'pages.xml' }];

async function pages(origin: string): Promise<SitemapUrl[]> {
  const [tags, categories, months] = await Promise.all([listTermsWithCounts('tag'), listTermsWithCounts('category'), listArchiveMonths()]);
  return [
    ...['/', '/archive', '/categories', '/tags'].map((path) => ({ loc: `${origin}${path}` })),
    ...tags.map((t) => ({ loc: `${origin}${tagPath(t.slug)}` })),
    ...categories.map((c) => ({ loc: `${origin}${categoryPath(c.slug)}` })),
    ...months.map((m) => ({ loc: `${origin}${archiveMonthPath(m.year, m.month)}` })),
  ];
}

/** /sitemaps/pages.xml and /sitemaps/posts-<n>.xml, as listed by /sitemap.xml. */
export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[name]'>) {
  const { name } = await params;
  const origin = (await publicOrigin()).origin;
  if (name === 'pages.xml') return xmlResponse(urlSet(await pages(origin)));
  const chunk = /^posts-(\d{1,6})\.xml$/.exec(name)?.[1];
  if (chunk === undefined) return new Response('Not found', { status: 404 });
  const posts = await listSitemapPosts(Number(chunk));
  return xmlResponse(urlSet(posts.map((p) => ({ loc: `${origin}${postPath(p.slug)}`, lastModified: p.updatedAt }))));
}
