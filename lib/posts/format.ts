import { formatOffset, wallClock } from '@/lib/dates/offset-date';

interface Dated {
  publishedAt: Date;
  utcOffset: number;
}

/** `2024年9月9日`: the day in the offset the post was written in, not the reader's or the server's. */
export function formatPostDate(post: Dated): string {
  const { year, month, day } = wallClock({ instant: post.publishedAt, offsetMinutes: post.utcOffset });
  return `${year}年${month}月${day}日`;
}

/** `2024-09-09T05:08:37+08:00`, for <time dateTime> and structured data. */
export function isoWithOffset(post: Dated): string {
  const t = wallClock({ instant: post.publishedAt, offsetMinutes: post.utcOffset });
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${formatOffset(post.utcOffset)}`;
}
