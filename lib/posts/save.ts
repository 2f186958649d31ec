import 'server-only';
import { revalidatePublic, tagsFor } from '@/lib/cache/revalidate';
import { db } from '@/lib/db';
import { renderWithBudget } from '@/lib/render/budget';
import type { PostSnapshot } from '@/lib/validations/post';
import { EditConflictError } from './errors';
import { createPost, updatePost, type SavedPost } from './mutations';
import { contentHash, postWithTermsInclude, snapshotOfPost } from './snapshot';
import { canonicalTermNames } from './terms';

export interface SaveRequest {
  /** Absent for a new post. */
  postId?: number;
  /** The version the editor's text was based on. */
  baseVersion?: number;
  snapshot: PostSnapshot;
  /** Null for a command-line job (bringing images home for an import). */
  authorId: number | null;
  message?: string | null;
}

export type SaveOutcome =
  | { kind: 'saved'; saved: SavedPost }
  | { kind: 'unchanged'; version: number }
  | { kind: 'conflict'; current: PostSnapshot; version: number; savedBy: string | null; savedAt: Date };

/**
 * An editor's save: compile the body (RenderError for one that cannot be
 * published), write post and revision in one transaction on top of the version
 * the editor saw, and revalidate exactly the public pages it touched. A save
 * based on a replaced version is refused with what is there now, to compare.
 */
export async function savePost(request: SaveRequest): Promise<SaveOutcome> {
  const snapshot = {
    ...request.snapshot,
    tags: await canonicalTermNames(db, 'tag', request.snapshot.tags),
    categories: await canonicalTermNames(db, 'category', request.snapshot.categories),
  };
  // On a worker within the render budget: a body too complex to compile is a RenderError, and nothing is written.
  const rendered = await renderWithBudget(snapshot.format, snapshot.body, snapshot.title);
  const meta = { authorId: request.authorId, message: request.message || null };
  try {
    if (request.postId === undefined) {
      const saved = await db.$transaction((tx) => createPost(tx, snapshot, rendered, meta));
      await revalidatePublic(tagsFor([saved.affected]));
      return { kind: 'saved', saved };
    }
    const latest = await db.revision.findFirst({ where: { postId: request.postId }, orderBy: { number: 'desc' }, select: { number: true, contentHash: true } });
    if (latest && latest.number === request.baseVersion && latest.contentHash === contentHash(snapshot)) {
      return { kind: 'unchanged', version: latest.number };
    }
    const saved = await db.$transaction((tx) => updatePost(tx, request.postId!, request.baseVersion ?? -1, snapshot, rendered, meta));
    await revalidatePublic(tagsFor([saved.affected]));
    return { kind: 'saved', saved };
  } catch (error) {
    if (!(error instanceof EditConflictError)) throw error;
    const current = await db.post.findUniqueOrThrow({ where: { id: error.postId }, include: postWithTermsInclude });
    const last = await db.revision.findFirst({
      where: { postId: error.postId },
      orderBy: { number: 'desc' },
      select: { createdAt: true, author: { select: { email: true } } },
    });
    return { kind: 'conflict', current: snapshotOfPost(current), version: current.version, savedBy: last?.author?.email ?? null, savedAt: last?.createdAt ?? current.updatedAt };
  }
}
