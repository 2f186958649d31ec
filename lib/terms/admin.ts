import 'server-only';
import { db } from '@/lib/db';
import { termKey, type TermKind } from './names';

export const TERM_PAGE_SIZE = 50;
const SUGGESTIONS = 10;

const TABLES = { tag: { terms: 'tags', links: 'post_tags', key: 'tag_id' }, category: { terms: 'categories', links: 'post_categories', key: 'category_id' } } as const;

export interface AdminTerm {
  id: number;
  name: string;
  slug: string;
  /** Posts carrying it, drafts and trash included. */
  posts: number;
}

/** `%x%` for LIKE, with the pattern characters of the search taken literally. */
const containing = (q: string) => `%${termKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of tags or categories in pinyin order (the `*_name_zh_idx` index),
 * optionally those whose name contains `q`, each with its number of posts (the
 * link table's `(term, post)` index), counted for the page's rows only (a count
 * in the outer query would run for every row the offset skips too). A page past
 * the last gives the last.
 */
export async function listTermsForAdmin(kind: TermKind, filter: { q?: string; page?: number }) {
  const { terms, links, key } = TABLES[kind];
  const pattern = filter.q ? containing(filter.q) : '%';
  const counted = await db.$queryRawUnsafe<{ total: number }[]>(`SELECT count(*)::int AS total FROM ${terms} WHERE name_key LIKE $1`, pattern);
  const total = counted[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / TERM_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const items = await db.$queryRawUnsafe<AdminTerm[]>(
    `SELECT t.id, t.name, t.slug, (SELECT count(*) FROM ${links} l WHERE l.${key} = t.id)::int AS posts
     FROM (SELECT id, name, slug FROM ${terms} WHERE name_key LIKE $1
           ORDER BY name COLLATE "zh-x-icu", id LIMIT ${TERM_PAGE_SIZE} OFFSET $2) t
     ORDER BY t.name COLLATE "zh-x-icu", t.id`,
    pattern,
    (page - 1) * TERM_PAGE_SIZE,
  );
  return { items, total, page, pageCount };
}

/** Up to ten terms whose name contains `q`, names starting with it first: the merge picker's choices. */
export async function suggestTerms(kind: TermKind, q: string): Promise<{ id: number; name: string }[]> {
  if (!termKey(q)) return [];
  return db.$queryRawUnsafe<{ id: number; name: string }[]>(
    `SELECT id, name FROM ${TABLES[kind].terms} WHERE name_key LIKE $1
     ORDER BY (name_key LIKE $2) DESC, name COLLATE "zh-x-icu", id LIMIT ${SUGGESTIONS}`,
    containing(q),
    `${termKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
  );
}

/** Tag or category names, for the editor's suggestions. */
export async function listTermNames(kind: TermKind): Promise<string[]> {
  const rows = kind === 'tag' ? await db.tag.findMany({ select: { name: true }, orderBy: { name: 'asc' } }) : await db.category.findMany({ select: { name: true }, orderBy: { name: 'asc' } });
  return rows.map((r) => r.name);
}
