import { db } from '@/lib/db';
import { renderWithBudget } from '@/lib/render/budget';
import { RENDER_HASH_PREFIX } from '@/lib/render/render';
import { indexForSearch, renderedColumns } from './mutations';
import { postWithTermsInclude, snapshotOfPost } from './snapshot';
import { revalidateAllPosts } from './write';

export interface RerenderReport {
  done: number;
  failed: { id: number; reason: string }[];
  /** Set when other instances could not be told to refresh their pages. */
  warning: string | null;
}

/**
 * Compiles again every post whose stored HTML came from an older renderer (or
 * none), so a pipeline change reaches old posts without touching their
 * revisions; then expires every public page, since instances already serving
 * hold the old renders.
 */
export async function rerenderStalePosts(): Promise<RerenderReport> {
  const failed: { id: number; reason: string }[] = [];
  let done = 0;
  let cursor = 0;
  for (;;) {
    const batch = await db.post.findMany({
      where: { id: { gt: cursor }, OR: [{ renderHash: null }, { NOT: { renderHash: { startsWith: RENDER_HASH_PREFIX } } }] },
      include: postWithTermsInclude,
      orderBy: { id: 'asc' },
      take: 100,
    });
    for (const post of batch) {
      try {
        const rendered = await renderWithBudget(post.format, post.body, post.title);
        await db.$transaction(async (tx) => {
          await tx.post.update({ where: { id: post.id }, data: renderedColumns(rendered) });
          await indexForSearch(tx, post.id, snapshotOfPost(post), rendered);
        });
        done++;
      } catch (error) {
        failed.push({ id: post.id, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    if (batch.length < 100) break;
    cursor = batch[batch.length - 1]!.id;
  }
  return { done, failed, warning: done ? await revalidateAllPosts() : null };
}
