import { publishDuePosts } from '@/lib/posts/scheduler';

const STARTED = Symbol.for('inkwell.scheduler');

/**
 * Every 30 s: publish scheduled posts that are due and refresh the pages they
 * appear on. Every instance runs it; a post is published once (the version check
 * in updatePost), and a duplicate refresh is harmless.
 */
export function startScheduler(): void {
  const holder = globalThis as Record<symbol, unknown>;
  if (holder[STARTED]) return;
  holder[STARTED] = true;
  let since = new Date();
  const tick = async () => {
    const now = new Date();
    try {
      const { warning } = await publishDuePosts(since, now);
      since = now;
      if (warning) console.error(`Scheduled publishing: ${warning}`);
    } catch (error) {
      console.error(`Scheduled publishing failed: ${(error as Error).message}`);
    }
  };
  setInterval(() => void tick(), 30_000).unref();
  void tick();
}
