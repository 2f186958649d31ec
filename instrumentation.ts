/**
 * Runs once when the server starts (not at `next build`): the scheduled-publishing
 * job, inside Next's own copy of lib/ so that its database client and render pool
 * are the ones every page and action use.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || !process.env.DATABASE_URL) return;
  const { startScheduler } = await import('@/lib/server/scheduler-job');
  startScheduler();
}
