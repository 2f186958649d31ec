import { cacheLife, cacheTag } from 'next/cache';
import { CacheTags } from '@/lib/cache-tags';
import { db } from '@/lib/db';
import { readTermCount, readTermCounts } from '@/lib/listing/counts';
import { isBuildPhase, publicPostWhere } from '@/lib/listing/visibility';
import type { TermKind } from './names';
import { windowOfPosts, type Cursor, type PostWindow, type TermLink } from '@/lib/listing/views';

export interface TermWithCount extends TermLink {
  count: number;
}

/** Every tag or category with its number of published posts (terms with none are left out), most used first; read from the counters. */
export async function listTermsWithCounts(kind: TermKind): Promise<TermWithCount[]> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.terms);
  if (isBuildPhase()) return [];
  return readTermCounts(kind);
}

export interface TermPage extends PostWindow {
  term: TermLink;
  total: number;
}

/** A window of `size` of a tag's or category's published posts, newest first; null when the term or cursor does not exist. */
export async function getTermPage(kind: TermKind, slug: string, cursor: Cursor | null, size: number): Promise<TermPage | null> {
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
  const [window, total] = await Promise.all([windowOfPosts(where, cursor, size), readTermCount(kind, term.id)]);
  return window && { term: { name: term.name, slug: term.slug }, total, ...window };
}
