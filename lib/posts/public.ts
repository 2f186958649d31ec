import { cacheLife, cacheTag } from 'next/cache';
import { CacheTags } from '@/lib/cache-tags';
import { db } from '@/lib/db';
import type { TocEntry } from '@/lib/render/enhance';
import { isBuildPhase, NEWEST_FIRST, PAGE_SIZE, PUBLIC_POST_SQL, publicPostWhere } from './visibility';
import { summarySelect, toSummary, windowOfPosts, type Cursor, type PostSummary, type PostView, type PostWindow } from './views';

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
    },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    keywords: row.keywords,
    html: row.html,
    toc: row.toc as unknown as TocEntry[],
    categories: row.categories.map((c) => c.category),
    coverImage: row.coverImage,
    coverAlt: row.coverAlt,
    sourceUrl: row.sourceUrl,
    updatedAt: row.updatedAt,
  };
}

export interface Neighbours {
  newer: Pick<PostSummary, 'slug' | 'title'> | null;
  older: Pick<PostSummary, 'slug' | 'title'> | null;
}

/** The published posts just before and after one, in date order. Writers revalidate the neighbours' pages. */
export async function getNeighbours(post: Pick<PostSummary, 'id' | 'slug' | 'publishedAt'>): Promise<Neighbours> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.post(post.slug));
  if (isBuildPhase()) return { newer: null, older: null };
  const select = { slug: true, title: true } as const;
  const at = post.publishedAt;
  const [older, newer] = await Promise.all([
    db.post.findFirst({
      where: { ...publicPostWhere(), OR: [{ publishedAt: { lt: at } }, { publishedAt: at, id: { lt: post.id } }] },
      orderBy: NEWEST_FIRST,
      select,
    }),
    db.post.findFirst({
      where: { ...publicPostWhere(), OR: [{ publishedAt: { gt: at } }, { publishedAt: at, id: { gt: post.id } }] },
      orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
      select,
    }),
  ]);
  return { newer, older };
}

/** Up to four published posts sharing the most tags with this one; revalidated through those tags. */
export async function getRelatedPosts(postId: number, tagSlugs: string[]): Promise<Pick<PostSummary, 'slug' | 'title'>[]> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, ...tagSlugs.map(CacheTags.tag));
  if (isBuildPhase() || !tagSlugs.length) return [];
  return db.$queryRawUnsafe<{ slug: string; title: string }[]>(
    `SELECT p.slug, p.title
     FROM post_tags pt JOIN tags t ON t.id = pt.tag_id JOIN posts p ON p.id = pt.post_id
     WHERE t.slug = ANY($1) AND p.id <> $2 AND ${PUBLIC_POST_SQL}
     GROUP BY p.id ORDER BY count(*) DESC, p.published_at DESC, p.id DESC LIMIT 4`,
    tagSlugs,
    postId,
  );
}

/** A window of the published posts, newest first; null for a cursor that is not a published post. */
export async function listPublishedPosts(cursor: Cursor | null): Promise<PostWindow | null> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.postLists);
  if (isBuildPhase()) return { items: [], cursor, newer: null, older: null };
  return windowOfPosts(publicPostWhere(), cursor, PAGE_SIZE);
}

/** The newest published posts with their full HTML, for the feed. */
export async function listFeedPosts(limit = 20) {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.postLists);
  if (isBuildPhase()) return [];
  return db.post.findMany({
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
    },
  });
}

/** Slug and last change of every published post, for the sitemap. */
export async function listSitemapPosts() {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.postLists);
  if (isBuildPhase()) return [];
  return db.post.findMany({
    where: publicPostWhere(),
    orderBy: NEWEST_FIRST,
    select: { slug: true, updatedAt: true },
  });
}
