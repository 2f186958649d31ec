import { db } from '@/lib/db';

/**
 * Public post counts read from the counters that triggers keep in the transaction
 * of every write (migration 20261203110000_post_counters). A counter counts the
 * published, untrashed posts; a post dated in the future becomes public with time
 * alone, no write, so the few of those are found by index and subtracted here.
 * That keeps every count equal to the list it links to (PUBLIC_POST_SQL) at any instant.
 */

/** Counted by the counters but not public yet. */
const NOT_YET_PUBLIC_SQL = `p.status = 'published' AND p.deleted_at IS NULL AND p.published_at > now()`;

/**
 * The links of the posts not public yet, found from those few posts (index posts_public_feed_idx)
 * and then their own links by primary key: OFFSET 0 keeps the planner from turning this into a
 * scan of every link of a popular term when its statistics expect more such posts than there are.
 */
const linksOfLaterPosts = (links: string, key: string, where = 'true') =>
  `posts p CROSS JOIN LATERAL (SELECT l.${key} FROM ${links} l WHERE l.post_id = p.id AND ${where} OFFSET 0) l WHERE ${NOT_YET_PUBLIC_SQL}`;

const TABLES = {
  tag: { counts: 'tag_post_counts', terms: 'tags', links: 'post_tags', key: 'tag_id' },
  category: { counts: 'category_post_counts', terms: 'categories', links: 'post_categories', key: 'category_id' },
} as const;

export interface TermCountRow {
  name: string;
  slug: string;
  count: number;
}

/** Every term with public posts, with their number, most used first (then by name). */
export async function readTermCounts(kind: 'tag' | 'category'): Promise<TermCountRow[]> {
  const t = TABLES[kind];
  const rows = await db.$queryRawUnsafe<{ name: string; slug: string; count: number }[]>(
    `WITH later AS (
       SELECT l.${t.key} AS id, count(*)::int AS n FROM ${linksOfLaterPosts(t.links, t.key)} GROUP BY 1
     )
     SELECT t.name, t.slug, c.posts - coalesce(later.n, 0) AS count
     FROM ${t.counts} c JOIN ${t.terms} t ON t.id = c.${t.key} LEFT JOIN later ON later.id = c.${t.key}
     WHERE c.posts - coalesce(later.n, 0) > 0
     ORDER BY 3 DESC, t.name`,
  );
  return rows.map((r) => ({ name: r.name, slug: r.slug, count: Number(r.count) }));
}

/** The number of public posts of one term. */
export async function readTermCount(kind: 'tag' | 'category', termId: number): Promise<number> {
  const t = TABLES[kind];
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT coalesce((SELECT posts FROM ${t.counts} WHERE ${t.key} = $1), 0)
          - (SELECT count(*)::int FROM ${linksOfLaterPosts(t.links, t.key, `l.${t.key} = $1`)}) AS n`,
    termId,
  );
  return Number(row?.n ?? 0);
}

export interface MonthCountRow {
  year: number;
  month: number;
  count: number;
}

/** How many public posts each month has (in each post's own offset), newest month first. */
export async function readMonthCounts(): Promise<MonthCountRow[]> {
  const rows = await db.$queryRawUnsafe<MonthCountRow[]>(
    `WITH later AS (
       SELECT extract(year FROM l)::int AS year, extract(month FROM l)::int AS month, count(*)::int AS n
       FROM (SELECT post_local_time(p.published_at, p.utc_offset) AS l FROM posts p WHERE ${NOT_YET_PUBLIC_SQL}) AS f GROUP BY 1, 2
     )
     SELECT c.year, c.month, c.posts - coalesce(later.n, 0) AS count
     FROM month_post_counts c LEFT JOIN later USING (year, month)
     WHERE c.posts - coalesce(later.n, 0) > 0
     ORDER BY 1 DESC, 2 DESC`,
  );
  return rows.map((r) => ({ year: r.year, month: r.month, count: Number(r.count) }));
}
