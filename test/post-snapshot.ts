import type { PostSnapshot } from '@/lib/validations/post';

/** A published Markdown post with every optional field empty, for tests to vary. */
export function postSnapshot(fields: Partial<PostSnapshot> = {}): PostSnapshot {
  return {
    slug: 'x', title: 'x', description: null, keywords: null, publishedAt: new Date(), utcOffset: 480, status: 'published',
    format: 'markdown', body: '正文', sourceId: null, sourceUrl: null, coverImage: null, coverAlt: null,
    featuredImage: null, featuredImagePreview: null, tags: [], categories: [], extra: {},
    ...fields,
  };
}
