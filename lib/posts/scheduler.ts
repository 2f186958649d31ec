import type { Affected } from '@/lib/cache/revalidate';
import { db } from '@/lib/db';
import { renderWithBudget } from '@/lib/render/budget';
import { EditConflictError } from './errors';
import { updatePost } from './mutations';
import { postWithTermsInclude, snapshotOfPost } from './snapshot';

/**
 * Publishes scheduled posts whose time has come (a revision by whoever
 * scheduled it) and reports what public pages changed, including published
 * posts dated in the future that have just become visible.
 */
export async function publishDuePosts(since: Date, now = new Date()): Promise<Affected[]> {
  const affected: Affected[] = [];
  const due = await db.post.findMany({
    where: { status: 'scheduled', deletedAt: null, publishedAt: { lte: now } },
    include: postWithTermsInclude,
  });
  for (const post of due) {
    const latest = await db.revision.findFirst({ where: { postId: post.id }, orderBy: { number: 'desc' }, select: { authorId: true } });
    const snapshot = { ...snapshotOfPost(post), status: 'published' as const };
    const rendered = await renderWithBudget(snapshot.format, snapshot.body, snapshot.title);
    try {
      const saved = await db.$transaction((tx) =>
        updatePost(tx, post.id, post.version, snapshot, rendered, { authorId: latest?.authorId ?? null, message: '按计划发布' }),
      );
      affected.push(saved.affected);
    } catch (error) {
      // Someone saved it meanwhile; the next run sees their version.
      if (!(error instanceof EditConflictError)) throw error;
    }
  }
  const arrived = await db.post.findMany({
    where: { status: 'published', deletedAt: null, publishedAt: { gt: since, lte: now } },
    include: postWithTermsInclude,
  });
  for (const post of arrived) {
    affected.push({ slugs: [post.slug], tagSlugs: post.tags.map((t) => t.tag.slug), categorySlugs: post.categories.map((c) => c.category.slug) });
  }
  return affected;
}
