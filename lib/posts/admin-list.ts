import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import { queryTerms, toTsQuery } from '@/lib/search/query';
import { termKey } from '@/lib/terms/names';
import { formatCursor, parseCursor, settlePages, type ListCursor, type ListTotal } from './admin-pager';

export const ADMIN_PAGE_SIZE = 25;
/** Counting stops here; past it the total is the planner's estimate, so a count never reads 100,000 rows. */
export const EXACT_COUNT_LIMIT = 5_000;
/** A search ranks at most this many matches, the most recently updated (as the public search caps its candidates). */
export const SEARCH_CANDIDATES = 1_000;

export type AdminSort = 'updated' | 'published' | 'title' | 'relevance';

export interface AdminPostFilter {
  /** Words in the title, description, tags or body: the public search's index, drafts and scheduled posts included. */
  q?: string;
  status?: 'draft' | 'published' | 'scheduled';
  /** A tag or category by name (case and width folded). */
  tag?: string;
  category?: string;
  /** The user who wrote the post's first revision. */
  author?: number;
  /** Publication dates, `YYYY-MM-DD`, inclusive, in the site's time zone. */
  from?: string;
  to?: string;
  /** Relevance applies to a search only (and is its default); without one the list sorts by `updated`. */
  sort?: AdminSort;
  page?: number;
  /** The edge of the neighbouring page the editor came from (lib/posts/admin-pager.ts), when `page` is next to it. */
  after?: string;
  before?: string;
  /** 'trash' lists trashed posts; otherwise trashed posts are left out. */
  view?: 'trash';
}

export interface AdminPostRow {
  id: number;
  title: string;
  slug: string;
  status: 'draft' | 'published' | 'scheduled';
  publishedAt: Date;
  utcOffset: number;
  updatedAt: Date;
  deletedAt: Date | null;
  version: number;
  author: string | null;
  tags: string[];
}

export interface AdminPostList extends ListTotal {
  posts: AdminPostRow[];
  page: number;
  pageCount: number;
  /** A search: only the newest SEARCH_CANDIDATES matches were ranked. */
  capped: boolean;
  /** Cursors for the previous and next pages' links. */
  prev?: string;
  next?: string;
}

type KeyedSort = Exclude<AdminSort, 'relevance'>;

/** Each sort walks its own index (posts_updated_idx, posts_published_idx, posts_title_zh_idx: pinyin), which carries deleted_at too. */
const ORDER: Record<KeyedSort, { forward: Prisma.Sql; backward: Prisma.Sql }> = {
  updated: { forward: Prisma.sql`p.updated_at DESC, p.id DESC`, backward: Prisma.sql`p.updated_at, p.id` },
  published: { forward: Prisma.sql`p.published_at DESC, p.id DESC`, backward: Prisma.sql`p.published_at, p.id` },
  title: { forward: Prisma.sql`p.title COLLATE "zh-x-icu", p.id`, backward: Prisma.sql`p.title COLLATE "zh-x-icu" DESC, p.id DESC` },
};

/** Rows strictly beyond a cursor in the sort's forward (`after`) or backward direction. */
function beyond(sort: KeyedSort, cursor: ListCursor, direction: 'after' | 'before'): Prisma.Sql {
  // Titles run ascending and dates descending: "after" is > for one and < for the other.
  const ascending = sort === 'title';
  const op = Prisma.raw((direction === 'after') === ascending ? '>' : '<');
  if (sort === 'title') return Prisma.sql`(p.title COLLATE "zh-x-icu", p.id) ${op} (${cursor.key}::text COLLATE "zh-x-icu", ${cursor.id}::int)`;
  return Prisma.sql`(p.${Prisma.raw(sort === 'updated' ? 'updated_at' : 'published_at')}, p.id) ${op} (${cursor.key}::timestamptz, ${cursor.id}::int)`;
}

/** The sort's key column: with the id (and deleted_at) it is all a window reads, so the walk stays in the index. */
const KEY = { updated: Prisma.sql`p.updated_at`, published: Prisma.sql`p.published_at`, title: Prisma.sql`p.title` } as const;
const keyText = (key: Date | string) => (key instanceof Date ? key.toISOString() : key);

/** The ids of the terms named, resolved first so the planner sees a constant (and its statistics) rather than a join. */
async function termIdOf(table: 'tags' | 'categories', name: string): Promise<number | null> {
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM ${table} WHERE name_key = $1`, termKey(name));
  return rows[0]?.id ?? null;
}

async function whereOf(filter: AdminPostFilter, timeZone: string): Promise<Prisma.Sql | null> {
  const parts = [filter.view === 'trash' ? Prisma.sql`p.deleted_at IS NOT NULL` : Prisma.sql`p.deleted_at IS NULL`];
  if (filter.status) parts.push(Prisma.sql`p.status = ${filter.status}::"PostStatus"`);
  if (filter.tag) {
    const id = await termIdOf('tags', filter.tag);
    if (id === null) return null;
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM post_tags l WHERE l.post_id = p.id AND l.tag_id = ${id})`);
  }
  if (filter.category) {
    const id = await termIdOf('categories', filter.category);
    if (id === null) return null;
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM post_categories l WHERE l.post_id = p.id AND l.category_id = ${id})`);
  }
  if (filter.author) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM revisions r WHERE r.post_id = p.id AND r.number = 1 AND r.author_id = ${filter.author})`);
  if (filter.from) parts.push(Prisma.sql`p.published_at >= (${filter.from}::date)::timestamp AT TIME ZONE ${timeZone}`);
  if (filter.to) parts.push(Prisma.sql`p.published_at < ((${filter.to}::date + 1)::timestamp AT TIME ZONE ${timeZone})`);
  return Prisma.join(parts, ' AND ');
}

/** The page's rows, with author and tags read for those rows only. */
async function rowsOf(ids: number[]): Promise<AdminPostRow[]> {
  if (!ids.length) return [];
  const rows = await db.$queryRaw<AdminPostRow[]>`
    SELECT p.id, p.title, p.slug, p.status::text AS status, p.published_at AS "publishedAt", p.utc_offset AS "utcOffset",
           p.updated_at AS "updatedAt", p.deleted_at AS "deletedAt", p.version,
           (SELECT coalesce(u.name, u.email) FROM revisions r JOIN users u ON u.id = r.author_id WHERE r.post_id = p.id AND r.number = 1) AS author,
           array(SELECT t.name FROM post_tags l JOIN tags t ON t.id = l.tag_id WHERE l.post_id = p.id ORDER BY l.position) AS tags
    FROM posts p WHERE p.id = ANY(${ids}::int[])`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is AdminPostRow => r !== undefined);
}

/** How many posts match: counted up to EXACT_COUNT_LIMIT, estimated by the planner past it. */
async function countAdminPosts(where: Prisma.Sql, limit: number | 'exact' = EXACT_COUNT_LIMIT): Promise<ListTotal> {
  if (limit === 'exact') {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM posts p WHERE ${where}`;
    return { total: row?.n ?? 0, exact: true };
  }
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM posts p WHERE ${where} LIMIT ${limit + 1}) s`;
  const counted = row?.n ?? 0;
  if (counted <= limit) return { total: counted, exact: true };
  const [plan] = await db.$queryRaw<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM posts p WHERE ${where}`;
  const estimate = Math.round(plan?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
  return { total: Math.max(estimate, limit + 1), exact: false };
}

interface Window {
  ids: { id: number; key: Date | string }[];
  more: boolean;
}

/** Whether a page edge from the URL is still a post in the list with the key it had: otherwise the page is read by number. */
async function edgeHolds(where: Prisma.Sql, sort: KeyedSort, cursor: ListCursor): Promise<boolean> {
  const key = sort === 'title' ? Prisma.sql`${cursor.key}::text` : Prisma.sql`${cursor.key}::timestamptz`;
  const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM posts p WHERE p.id = ${cursor.id} AND ${KEY[sort]} = ${key} AND ${where}`.catch(() => []);
  return rows.length > 0;
}

/** One page of ids in the sort's order: by offset, or from a neighbouring page's edge. */
async function windowOf(where: Prisma.Sql, sort: KeyedSort, page: number, from?: { cursor: ListCursor; direction: 'after' | 'before' }): Promise<Window> {
  const columns = Prisma.sql`p.id, ${KEY[sort]} AS key`;
  if (!from) {
    const rows = await db.$queryRaw<Window['ids']>`
      SELECT ${columns} FROM posts p WHERE ${where} ORDER BY ${ORDER[sort].forward} LIMIT ${ADMIN_PAGE_SIZE + 1} OFFSET ${(page - 1) * ADMIN_PAGE_SIZE}`;
    return { ids: rows.slice(0, ADMIN_PAGE_SIZE), more: rows.length > ADMIN_PAGE_SIZE };
  }
  const order = from.direction === 'after' ? ORDER[sort].forward : ORDER[sort].backward;
  const rows = await db.$queryRaw<Window['ids']>`
    SELECT ${columns} FROM posts p WHERE ${where} AND ${beyond(sort, from.cursor, from.direction)} ORDER BY ${order} LIMIT ${ADMIN_PAGE_SIZE + 1}`;
  if (from.direction === 'after') return { ids: rows.slice(0, ADMIN_PAGE_SIZE), more: rows.length > ADMIN_PAGE_SIZE };
  // Read backwards from the next page's first row: this page is behind it, so more follow.
  return { ids: rows.slice(0, ADMIN_PAGE_SIZE).reverse(), more: true };
}

/** A search: the newest SEARCH_CANDIDATES matches, ranked (or in the sort asked for), paged by offset within them. */
async function searchWindow(where: Prisma.Sql, q: string, sort: AdminSort, page: number) {
  const tsquery = toTsQuery(queryTerms(q));
  const match = tsquery ? Prisma.sql`(p.search_vector @@ to_tsquery('simple', ${tsquery}) OR p.slug = ${q})` : Prisma.sql`p.slug = ${q}`;
  const order =
    sort === 'relevance' ? Prisma.sql`ts_rank_cd(p.search_vector, to_tsquery('simple', ${tsquery ?? ''})) DESC, p.updated_at DESC, p.id DESC` : ORDER[sort].forward;
  const rows = await db.$queryRaw<{ id: number; total: number }[]>`
    WITH p AS (SELECT p.id, p.title, p.updated_at, p.published_at, p.search_vector FROM posts p WHERE ${where} AND ${match}
               ORDER BY p.updated_at DESC, p.id DESC LIMIT ${SEARCH_CANDIDATES})
    SELECT p.id, (count(*) OVER ())::int AS total FROM p ORDER BY ${order}
    LIMIT ${ADMIN_PAGE_SIZE} OFFSET ${(page - 1) * ADMIN_PAGE_SIZE}`;
  return rows;
}

const sortOf = (filter: AdminPostFilter): AdminSort => (filter.q ? (filter.sort ?? 'relevance') : filter.sort === 'relevance' || !filter.sort ? 'updated' : filter.sort);

/**
 * Every post an editor may see, drafts and trash included, filtered, sorted and
 * paged; a page past the last gives the last (`page` says which was given).
 */
export async function listAdminPosts(filter: AdminPostFilter, timeZone: string, options: { countLimit?: number } = {}): Promise<AdminPostList> {
  const sort = sortOf(filter);
  const asked = Math.max(1, filter.page ?? 1);
  const where = await whereOf(filter, timeZone);
  const empty: AdminPostList = { posts: [], total: 0, exact: true, page: 1, pageCount: 1, capped: false };
  if (!where) return empty;
  if (filter.q) {
    const first = await searchWindow(where, filter.q, sort, asked);
    const total = first[0]?.total ?? (asked > 1 ? ((await searchWindow(where, filter.q, sort, 1))[0]?.total ?? 0) : 0);
    const pageCount = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
    const page = Math.min(asked, pageCount);
    const rows = page === asked ? first : await searchWindow(where, filter.q, sort, page);
    return { posts: await rowsOf(rows.map((r) => r.id)), total, exact: true, page, pageCount, capped: total >= SEARCH_CANDIDATES };
  }
  const keyed = sort as KeyedSort;
  let known = await countAdminPosts(where, options.countLimit);
  let page = known.exact ? Math.min(asked, Math.max(1, Math.ceil(known.total / ADMIN_PAGE_SIZE))) : asked;
  const after = parseCursor(filter.after);
  const before = parseCursor(filter.before);
  const edge = page !== asked || page === 1 ? undefined : after ? { cursor: after, direction: 'after' as const } : before ? { cursor: before, direction: 'before' as const } : undefined;
  const from = edge && (await edgeHolds(where, keyed, edge.cursor)) ? edge : undefined;
  let window = await windowOf(where, keyed, page, from);
  // Read back from an edge, a page short of full means posts came or went before it: read it by number.
  if (from && window.ids.length < ADMIN_PAGE_SIZE && (from.direction === 'before' || !window.ids.length)) window = await windowOf(where, keyed, page);
  if (!window.ids.length && page > 1) {
    // The estimate promised more than there is: count exactly, once, and show the last page.
    known = await countAdminPosts(where, 'exact');
    page = Math.max(1, Math.ceil(known.total / ADMIN_PAGE_SIZE));
    window = await windowOf(where, keyed, page);
  }
  const settled = settlePages(known, { page, rows: window.ids.length, more: window.more }, ADMIN_PAGE_SIZE);
  const first = window.ids[0];
  const last = window.ids.at(-1);
  return {
    posts: await rowsOf(window.ids.map((r) => r.id)),
    ...settled,
    page,
    capped: false,
    prev: page > 1 && first ? formatCursor({ id: first.id, key: keyText(first.key) }) : undefined,
    next: page < settled.pageCount && last ? formatCursor({ id: last.id, key: keyText(last.key) }) : undefined,
  };
}
