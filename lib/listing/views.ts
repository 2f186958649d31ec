import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client.ts';
import type { TocEntry } from '@/lib/render/enhance';
import { NEWEST_FIRST } from './visibility';

export interface TermLink {
  name: string;
  slug: string;
}

export interface PostSummary {
  id: number;
  slug: string;
  title: string;
  description: string | null;
  publishedAt: Date;
  utcOffset: number;
  readingMinutes: number;
  tags: TermLink[];
}

export interface PostView extends PostSummary {
  keywords: string | null;
  html: string;
  toc: TocEntry[];
  categories: TermLink[];
  coverImage: string | null;
  coverAlt: string | null;
  sourceUrl: string | null;
  updatedAt: Date;
  /** The display name of the user who wrote it, when it has one. */
  author?: string | null;
}

export interface Paginated<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

/** Where a window of a list starts: just before (older than) or after (newer than) one of its posts. */
export interface Cursor {
  direction: 'before' | 'after';
  id: number;
}

/** One window of a list, newest first, with the cursors of its neighbours (null at either end). */
export interface PostWindow {
  items: PostSummary[];
  cursor: Cursor | null;
  newer: Cursor | null;
  older: Cursor | null;
  /** Which page of the list this window shows, counting from the newest (第 N 页). */
  page?: number;
  /** Everything newer than this window fits on the list's first page: the newer link goes there. */
  newerIsFirst?: boolean;
}

export const summarySelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  publishedAt: true,
  utcOffset: true,
  readingMinutes: true,
  tags: { select: { tag: { select: { name: true, slug: true } } }, orderBy: { position: 'asc' } },
} satisfies Prisma.PostSelect;

type SummaryRow = Prisma.PostGetPayload<{ select: typeof summarySelect }>;

export function toSummary(row: SummaryRow): PostSummary {
  return { ...row, tags: row.tags.map((t) => t.tag) };
}

const OLDEST_FIRST: Prisma.PostOrderByWithRelationInput[] = [{ publishedAt: 'asc' }, { id: 'asc' }];

/**
 * A window of the posts matching `where`, by keyset: the index on (published_at, id)
 * is entered at the cursor, so the 1,000th window costs what the first does.
 * Null when the cursor is not a post of this list. Call inside a cached read.
 */
export async function windowOfPosts(where: Prisma.PostWhereInput, cursor: Cursor | null, size: number): Promise<PostWindow | null> {
  const anchor = cursor && (await db.post.findFirst({ where: { AND: [where, { id: cursor.id }] }, select: { id: true, publishedAt: true } }));
  if (cursor && !anchor) return null;
  const at = anchor?.publishedAt;
  const older = cursor?.direction !== 'after';
  const beyond: Prisma.PostWhereInput = !anchor
    ? {}
    : older
      ? { publishedAt: { lte: at }, OR: [{ publishedAt: { lt: at } }, { id: { lt: anchor.id } }] }
      : { publishedAt: { gte: at }, OR: [{ publishedAt: { gt: at } }, { id: { gt: anchor.id } }] };
  const rows = await db.post.findMany({
    where: { AND: [where, beyond] },
    orderBy: older ? NEWEST_FIRST : OLDEST_FIRST,
    take: size + 1,
    select: summarySelect,
  });
  const more = rows.length > size;
  // Nothing newer than this window: it is the list's first page, shown whole (links made before the list grew or
  // its page size changed lead here).
  if (!older && !more) return { ...(await windowOfPosts(where, null, size))!, cursor };
  const items = rows.slice(0, size).map(toSummary);
  if (!older) items.reverse();
  const [first, last] = [items[0], items.at(-1)];
  const hasNewer = older ? Boolean(cursor) : more;
  const hasOlder = older ? more : true;
  // One index range count, once per cached window: the posts newer than its first.
  const newerCount = cursor && first ? await db.post.count({ where: { AND: [where, { publishedAt: { gte: first.publishedAt }, OR: [{ publishedAt: { gt: first.publishedAt } }, { id: { gt: first.id } }] }] } }) : 0;
  return {
    items,
    cursor,
    // Windows begin at page boundaries unless the page size has changed since their link was made: rounding up, only the first page is page 1.
    page: Math.ceil(newerCount / size) + 1,
    newer: hasNewer && first ? { direction: 'after', id: first.id } : null,
    newerIsFirst: hasNewer && newerCount <= size,
    older: hasOlder && last ? { direction: 'before', id: last.id } : null,
  };
}
