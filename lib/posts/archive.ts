import { cacheLife, cacheTag } from 'next/cache';
import { wallClock } from '@/lib/dates/offset-date';
import { CacheTags } from '@/lib/cache-tags';
import { db } from '@/lib/db';
import type { PostSummary } from '@/lib/listing/views';
import { readMonthCounts } from '@/lib/listing/counts';
import { isBuildPhase, NEWEST_FIRST, publicPostWhere } from '@/lib/listing/visibility';

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

/** The published posts of one month (by each post's own offset), newest first. */
export async function listArchiveMonth(year: number, month: number): Promise<Pick<PostSummary, 'slug' | 'title' | 'publishedAt' | 'utcOffset'>[]> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site, CacheTags.postLists);
  if (isBuildPhase()) return [];
  const from = Date.UTC(year, month - 1, 1) - MAX_OFFSET_MS;
  const to = Date.UTC(year, month, 1) + MAX_OFFSET_MS;
  const rows = await db.post.findMany({
    where: { AND: [publicPostWhere(), { publishedAt: { gte: new Date(from), lt: new Date(to) } }] },
    orderBy: NEWEST_FIRST,
    select: { slug: true, title: true, publishedAt: true, utcOffset: true },
  });
  return rows.filter((r) => {
    const local = wallClock({ instant: r.publishedAt, offsetMinutes: r.utcOffset });
    return local.year === year && local.month === month;
  });
}
