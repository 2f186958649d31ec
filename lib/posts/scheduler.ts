import type { Affected } from '@/lib/cache/revalidate';
import { db } from '@/lib/db';
import { publicPostWhere } from '@/lib/listing/visibility';
import { renderWithBudget } from '@/lib/render/budget';
import { findLatestRevision } from '@/lib/revisions/queries';
import { EditConflictError } from './errors';
import { affectedBy, updatePost } from './mutations';
import { postWithTermsInclude, snapshotOfPost } from './snapshot';
import { revalidatePosts } from './write';

/** Publishes one scheduled post as a revision by whoever scheduled it; null when someone saved it meanwhile (the next run sees their version). */
async function publishScheduled(postId: number): Promise<Affected | null> {
  const post = await db.post.findUniqueOrThrow({ where: { id: postId }, include: postWithTermsInclude });
  const latest = await findLatestRevision(db, post.id);
  const snapshot = { ...snapshotOfPost(post), status: 'published' as const };
  const rendered = await renderWithBudget(snapshot.format, snapshot.body, snapshot.title);
  try {
    const meta = { authorId: latest?.authorId ?? null, message: '按计划发布' };
    return (await db.$transaction((tx) => updatePost(tx, post.id, post.version, snapshot, rendered, meta))).affected;
  } catch (error) {
    if (error instanceof EditConflictError) return null;
    throw error;
  }
}

/**
 * Publishes scheduled posts whose time has come and refreshes the public pages
 * that changed, including those of published posts dated in the future that have
 * just become visible (since `since`). Returns what it refreshed.
 */
export async function publishDuePosts(since: Date, now = new Date()): Promise<{ affected: Affected[]; warning: string | null }> {
  const affected: Affected[] = [];
  const due = await db.post.findMany({ where: { status: 'scheduled', deletedAt: null, publishedAt: { lte: now } }, select: { id: true } });
  for (const { id } of due) {
    const published = await publishScheduled(id);
    if (published) affected.push(published);
  }
  const arrived = await db.post.findMany({ where: { ...publicPostWhere(now), publishedAt: { gt: since, lte: now } }, select: { id: true } });
  for (const { id } of arrived) affected.push(await affectedBy(db, id));
  return { affected, warning: affected.length ? await revalidatePosts(affected) : null };
}
