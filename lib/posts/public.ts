import { cacheLife, cacheTag } from 'next/cache';
import { CacheTags } from '@/lib/cache-tags';
import { db } from '@/lib/db';
import type { TocEntry } from '@/lib/render/enhance';
import { isImageUrl } from '@/lib/validations/post';
import { isBuildPhase, NEWEST_FIRST, PUBLIC_POST_SQL, publicPostWhere } from '@/lib/listing/visibility';
import { findNeighbours, type Neighbours } from '@/lib/listing/neighbours';
import { summarySelect, toSummary, windowOfPosts, type Cursor, type PostSummary, type PostView, type PostWindow } from '@/lib/listing/views';
import { bylineOf, bylineSelect } from './byline';

/** A published post by its current slug, or null. Cached until a write to that slug. */
export async function getPublishedPost(slug: string): Promise<PostView | null> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.post(slug));
  if (isBuildPhase()) return null;
  const row = await db.post.findFirst({
    where: { slug, ...publicPostWhere() },
    select: {
      ...summarySelect,
      keywords: true,
      html: true,
      toc: true,
      coverImage: true,
      coverAlt: true,
      sourceUrl: true,
      updatedAt: true,
      categories: { select: { category: { select: { name: true, slug: true } } }, orderBy: { position: 'asc' } },
      ...bylineSelect,
    },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    keywords: row.keywords,
    html: row.html,
    toc: row.toc as unknown as TocEntry[],
    categories: row.categories.map((c) => c.category),
    // Posts saved before image URLs were checked may hold another scheme: never shown.
    coverImage: row.coverImage && isImageUrl(row.coverImage) ? row.coverImage : null,
    coverAlt: row.coverAlt,
    sourceUrl: row.sourceUrl,
    updatedAt: row.updatedAt,
    author: bylineOf(row),
  };
}


export type { Neighbours } from '@/lib/listing/neighbours';

/** The published posts just before and after one, in date order. Writers revalidate the neighbours' pages. */
export async function getNeighbours(post: Pick<PostSummary, 'id' | 'slug' | 'publishedAt'>): Promise<Neighbours> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.post(post.slug));
  if (isBuildPhase()) return { newer: null, older: null };
  return findNeighbours(db, post);
}

/** How many of each tag's most recently added posts are considered: a tag on 30,000 posts costs what one on 200 does. */
const RELATED_CANDIDATES_PER_TAG = 200;

/** Up to four published posts sharing the most tags with this one; revalidated through those tags. */
export async function getRelatedPosts(postId: number, tagSlugs: string[]): Promise<Pick<PostSummary, 'slug' | 'title'>[]> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, ...tagSlugs.map(CacheTags.tag));
  if (isBuildPhase() || !tagSlugs.length) return [];
  return db.$queryRawUnsafe<{ slug: string; title: string }[]>(
    `SELECT p.slug, p.title
     FROM (
       SELECT c.post_id, count(*) AS shared
       FROM tags t CROSS JOIN LATERAL (
         SELECT pt.post_id FROM post_tags pt
         WHERE pt.tag_id = t.id AND pt.post_id <> $2
         ORDER BY pt.post_id DESC LIMIT ${RELATED_CANDIDATES_PER_TAG}
       ) c
       WHERE t.slug = ANY($1)
       GROUP BY c.post_id
     ) r JOIN posts p ON p.id = r.post_id
     WHERE ${PUBLIC_POST_SQL}
     ORDER BY r.shared DESC, p.published_at DESC, p.id DESC LIMIT 4`,
    tagSlugs,
    postId,
  );
}

/** A window of `size` published posts (the site's posts per page), newest first; null for a cursor that is not a published post. */
export async function listPublishedPosts(cursor: Cursor | null, size: number): Promise<PostWindow | null> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.postLists);
  if (isBuildPhase()) return { items: [], cursor, newer: null, older: null };
  return windowOfPosts(publicPostWhere(), cursor, size);
}

/** The newest published posts with their full HTML, for the feed. */
export async function listFeedPosts(limit = 20) {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.postLists);
  if (isBuildPhase()) return [];
  const rows = await db.post.findMany({
    where: publicPostWhere(),
    orderBy: NEWEST_FIRST,
    take: limit,
    select: {
      slug: true,
      title: true,
      description: true,
      html: true,
      publishedAt: true,
      updatedAt: true,
      tags: { select: { tag: { select: { name: true } } }, orderBy: { position: 'asc' } },
      categories: { select: { category: { select: { name: true } } }, orderBy: { position: 'asc' } },
      ...bylineSelect,
    },
  });
  return rows.map(({ revisions, extra, ...row }) => ({ ...row, author: bylineOf({ revisions, extra }) }));
}

/** Posts per sitemap file: well under the protocol's 50,000 URLs. */
export const SITEMAP_CHUNK = 10_000;

/** How many post sitemaps there are: published posts are split by id, SITEMAP_CHUNK ids to a file. */
export async function countSitemapChunks(): Promise<number> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.postLists);
  if (isBuildPhase()) return 0;
  const newest = await db.post.findFirst({ where: publicPostWhere(), orderBy: { id: 'desc' }, select: { id: true } });
  return newest ? Math.ceil(newest.id / SITEMAP_CHUNK) : 0;
}

/** Slug and last change of the published posts in one id range (a primary-key range scan). */
export async function listSitemapPosts(chunk: number) {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.postLists);
  if (isBuildPhase()) return [];
  return db.post.findMany({
    where: { ...publicPostWhere(), id: { gt: chunk * SITEMAP_CHUNK, lte: (chunk + 1) * SITEMAP_CHUNK } },
    orderBy: { id: 'asc' },
    select: { slug: true, updatedAt: true },
  });
}
