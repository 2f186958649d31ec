/**
 * Cache tags of public reads. A write revalidates the tags of exactly what it
 * touched; `site` is everything, used once at boot (see scripts/serve.ts).
 */
export const CacheTags = {
  site: 'site',
  /** Every list of posts: home pages, archive, feed, sitemap, search. */
  postLists: 'posts',
  /** The tag and category indexes with their counts. */
  terms: 'terms',
  post: (slug: string) => `post:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  category: (slug: string) => `category:${slug}`,
} as const;
