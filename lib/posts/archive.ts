import { cacheLife, cacheTag } from 'next/cache';
import { wallClock } from '@/lib/dates/offset-date';
import { CacheTags } from '@/lib/cache-tags';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client.ts';
import { windowOfPosts, type Cursor, type PostWindow } from '@/lib/listing/views';
import { readMonthCounts } from '@/lib/listing/counts';
import { isBuildPhase, publicPostWhere } from '@/lib/listing/visibility';

export interface ArchiveMonth {
  year: number;
  month: number;
  count: number;
}

/** How many published posts each month has, newest month first, in the offset each post was written in; read from the counters. */
export async function listArchiveMonths(): Promise<ArchiveMonth[]> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.postLists);
  if (isBuildPhase()) return [];
  return readMonthCounts();
}

/** Offsets run from -12:00 to +14:00: an instant this far either side of a UTC month may be in it locally. */
const MAX_OFFSET_MS = 14 * 3_600_000;

const inRange = (from: number, to: number): Prisma.PostWhereInput => ({ publishedAt: { gte: new Date(from), lt: new Date(to) } });

/**
 * The published posts of one month by each post's own offset, as a where for keyset windows: the
 * UTC month widened by the largest offsets, less the posts near either end whose offset puts them
 * in the month before or after (only those few can; they are read and left out by id).
 */
export async function monthWhere(year: number, month: number): Promise<Prisma.PostWhereInput> {
  const [start, end] = [Date.UTC(year, month - 1, 1), Date.UTC(year, month, 1)];
  const edges = await db.post.findMany({
    where: { AND: [publicPostWhere(), { OR: [inRange(start - MAX_OFFSET_MS, start + MAX_OFFSET_MS), inRange(end - MAX_OFFSET_MS, end + MAX_OFFSET_MS)] }] },
    select: { id: true, publishedAt: true, utcOffset: true },
  });
  const outside = edges
    .filter((r) => {
      const local = wallClock({ instant: r.publishedAt, offsetMinutes: r.utcOffset });
      return local.year !== year || local.month !== month;
    })
    .map((r) => r.id);
  return { AND: [publicPostWhere(), inRange(start - MAX_OFFSET_MS, end + MAX_OFFSET_MS), ...(outside.length ? [{ id: { notIn: outside } }] : [])] };
}

export interface ArchiveMonthPage extends PostWindow {
  total: number;
}

/** A window of `size` (the site's posts per page) of one month's published posts, newest first; null for a cursor not in that month. */
export async function getArchiveMonthPage(year: number, month: number, cursor: Cursor | null, size: number): Promise<ArchiveMonthPage | null> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.postLists);
  if (isBuildPhase()) return null;
  const where = await monthWhere(year, month);
  const [window, total] = await Promise.all([windowOfPosts(where, cursor, size), db.post.count({ where })]);
  return window && { ...window, total };
}
