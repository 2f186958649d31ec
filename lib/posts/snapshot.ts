import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { frontMatterOf } from '@/lib/content/front-matter';
import type { Prisma } from '@/lib/generated/prisma/client.ts';
import type { PostSnapshot } from '@/lib/validations/post';

/** SHA-256 over the canonical front matter, format and body: equal hashes mean equal posts. */
export function contentHash(snapshot: PostSnapshot): string {
  const canonical = stringify({ frontMatter: frontMatterOf(snapshot), format: snapshot.format, body: snapshot.body });
  return createHash('sha256').update(canonical ?? '').digest('hex');
}

export const postWithTermsInclude = {
  tags: { include: { tag: true }, orderBy: { position: 'asc' } },
  categories: { include: { category: true }, orderBy: { position: 'asc' } },
} satisfies Prisma.PostInclude;

export type PostWithTerms = Prisma.PostGetPayload<{ include: typeof postWithTermsInclude }>;

/** A stored post as a snapshot, the same shape an import or a save produces. */
export function snapshotOfPost(post: PostWithTerms): PostSnapshot {
  return {
    slug: post.slug,
    title: post.title,
    description: post.description,
    keywords: post.keywords,
    publishedAt: post.publishedAt,
    utcOffset: post.utcOffset,
    status: post.status,
    format: post.format,
    body: post.body,
    sourceId: post.sourceId,
    sourceUrl: post.sourceUrl,
    coverImage: post.coverImage,
    coverAlt: post.coverAlt,
    featuredImage: post.featuredImage,
    featuredImagePreview: post.featuredImagePreview,
    tags: post.tags.map((t) => t.tag.name),
    categories: post.categories.map((c) => c.category.name),
    extra: (post.extra ?? {}) as Record<string, unknown>,
  };
}

/** The scalar columns of a post for a snapshot. */
export function postColumns(snapshot: PostSnapshot) {
  const { tags: _tags, categories: _categories, extra, ...columns } = snapshot;
  return { ...columns, extra: extra as Prisma.InputJsonObject };
}
