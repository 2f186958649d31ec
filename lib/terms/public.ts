import { cacheLife, cacheTag } from 'next/cache';
import { CacheTags } from '@/lib/cache-tags';
import { db } from '@/lib/db';
import { isBuildPhase, PAGE_SIZE, PUBLIC_POST_SQL, publicPostWhere } from '@/lib/listing/visibility';
import type { TermKind } from './names';
import { windowOfPosts, type Cursor, type PostWindow, type TermLink } from '@/lib/listing/views';

export interface TermWithCount extends TermLink {
  count: number;
}

/** Every tag or category with its number of published posts (terms with none are left out), most used first. */
export async function listTermsWithCounts(kind: TermKind): Promise<TermWithCount[]> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.terms);
  if (isBuildPhase()) return [];
  const [table, link, key] = kind === 'tag' ? ['tags', 'post_tags', 'tag_id'] : ['categories', 'post_categories', 'category_id'];
  const rows = await db.$queryRawUnsafe<{ name: string; slug: string; count: bigint }[]>(
    `SELECT t.name, t.slug, count(*) AS count
     FROM ${table} t JOIN ${link} l ON l.${key} = t.id JOIN posts p ON p.id = l.post_id
     WHERE ${PUBLIC_POST_SQL}
     GROUP BY t.id ORDER BY count(*) DESC, t.name`,
  );
  return rows.map((r) => ({ name: r.name, slug: r.slug, count: Number(r.count) }));
}

/** Driven from the term's own links (index on term, post), not a scan of every post. */
async function countPublicPosts(kind: TermKind, termId: number): Promise<number> {
  const [link, key] = kind === 'tag' ? ['post_tags', 'tag_id'] : ['post_categories', 'category_id'];
  const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM ${link} l JOIN posts p ON p.id = l.post_id WHERE l.${key} = $1 AND ${PUBLIC_POST_SQL}`,
    termId,
  );
  return Number(row?.n ?? 0);
}

export interface TermPage extends PostWindow {
  term: TermLink;
  total: number;
}

/** A window of a tag's or category's published posts, newest first; null when the term or cursor does not exist. */
export async function getTermPage(kind: TermKind, slug: string, cursor: Cursor | null): Promise<TermPage | null> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, kind === 'tag' ? CacheTags.tag(slug) : CacheTags.category(slug));
  if (isBuildPhase()) return null;
  const term =
    kind === 'tag'
      ? await db.tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } })
      : await db.category.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (!term) return null;
  const where = {
    ...publicPostWhere(),
    ...(kind === 'tag' ? { tags: { some: { tagId: term.id } } } : { categories: { some: { categoryId: term.id } } }),
  };
  const [window, total] = await Promise.all([windowOfPosts(where, cursor, PAGE_SIZE), countPublicPosts(kind, term.id)]);
  return window && { term: { name: term.name, slug: term.slug }, total, ...window };
}
