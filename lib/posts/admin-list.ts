import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import { queryTerms, toTsQuery } from '@/lib/search/query';
import { termKey } from '@/lib/terms/names';

export const ADMIN_PAGE_SIZE = 25;

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
  sort?: 'updated' | 'published' | 'title';
  page?: number;
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

/** Each sort walks its own index: posts_updated_idx, posts_published_idx, posts_title_zh_idx (pinyin). */
const ORDER = {
  updated: Prisma.sql`p.updated_at DESC, p.id DESC`,
  published: Prisma.sql`p.published_at DESC, p.id DESC`,
  title: Prisma.sql`p.title COLLATE "zh-x-icu", p.id`,
} as const;

function whereOf(filter: AdminPostFilter, timeZone: string): Prisma.Sql {
  const parts = [filter.view === 'trash' ? Prisma.sql`p.deleted_at IS NOT NULL` : Prisma.sql`p.deleted_at IS NULL`];
  if (filter.status) parts.push(Prisma.sql`p.status = ${filter.status}::"PostStatus"`);
  const tsquery = filter.q ? toTsQuery(queryTerms(filter.q)) : null;
  if (filter.q) parts.push(tsquery ? Prisma.sql`(p.search_vector @@ to_tsquery('simple', ${tsquery}) OR p.slug = ${filter.q})` : Prisma.sql`p.slug = ${filter.q}`);
  if (filter.tag) parts.push(Prisma.sql`p.id IN (SELECT l.post_id FROM post_tags l JOIN tags t ON t.id = l.tag_id WHERE t.name_key = ${termKey(filter.tag)})`);
  if (filter.category) {
    parts.push(Prisma.sql`p.id IN (SELECT l.post_id FROM post_categories l JOIN categories c ON c.id = l.category_id WHERE c.name_key = ${termKey(filter.category)})`);
  }
  if (filter.author) parts.push(Prisma.sql`p.id IN (SELECT r.post_id FROM revisions r WHERE r.author_id = ${filter.author} AND r.number = 1)`);
  if (filter.from) parts.push(Prisma.sql`p.published_at >= (${filter.from}::date)::timestamp AT TIME ZONE ${timeZone}`);
  if (filter.to) parts.push(Prisma.sql`p.published_at < ((${filter.to}::date + 1)::timestamp AT TIME ZONE ${timeZone})`);
  return Prisma.join(parts, ' AND ');
}

/**
 * Every post an editor may see, drafts and trash included, filtered, sorted and
 * paged; a page past the last gives the last (`page` says which was given).
 */
export async function listAdminPosts(filter: AdminPostFilter, timeZone: string) {
  const where = whereOf(filter, timeZone);
  const counted = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM posts p WHERE ${where}`;
  const total = counted[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const posts = await db.$queryRaw<AdminPostRow[]>`
    SELECT p.id, p.title, p.slug, p.status::text AS status, p.published_at AS "publishedAt", p.utc_offset AS "utcOffset",
           p.updated_at AS "updatedAt", p.deleted_at AS "deletedAt", p.version,
           (SELECT coalesce(u.name, u.email) FROM revisions r JOIN users u ON u.id = r.author_id WHERE r.post_id = p.id AND r.number = 1) AS author,
           array(SELECT t.name FROM post_tags l JOIN tags t ON t.id = l.tag_id WHERE l.post_id = p.id ORDER BY l.position) AS tags
    FROM posts p WHERE ${where}
    ORDER BY ${ORDER[filter.sort ?? 'updated']}
    LIMIT ${ADMIN_PAGE_SIZE} OFFSET ${(page - 1) * ADMIN_PAGE_SIZE}`;
  return { posts, total, page, pageCount };
}
