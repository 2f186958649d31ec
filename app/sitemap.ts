import type { MetadataRoute } from 'next';
import { listSitemapPosts } from '@/lib/posts/public';
import { categoryPath, postPath, siteUrl, tagPath } from '@/lib/site';
import { listTermsWithCounts } from '@/lib/terms/public';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteUrl().origin;
  const [posts, tags, categories] = await Promise.all([
    listSitemapPosts(),
    listTermsWithCounts('tag'),
    listTermsWithCounts('category'),
  ]);
  return [
    { url: `${origin}/`, changeFrequency: 'daily', priority: 1 },
    { url: `${origin}/archive`, changeFrequency: 'weekly' },
    { url: `${origin}/tags`, changeFrequency: 'weekly' },
    ...posts.map((p) => ({ url: `${origin}${postPath(p.slug)}`, lastModified: p.updatedAt })),
    ...tags.map((t) => ({ url: `${origin}${tagPath(t.slug)}` })),
    ...categories.map((c) => ({ url: `${origin}${categoryPath(c.slug)}` })),
  ];
}
