import { wallClock } from '@/lib/content/dates';

/** `2024年9月9日`: the day in the offset the post was written in, not the reader's or the server's. */
export function formatPostDate(post: { publishedAt: Date; utcOffset: number }): string {
  const { year, month, day } = wallClock({ instant: post.publishedAt, offsetMinutes: post.utcOffset });
  return `${year}年${month}月${day}日`;
}
