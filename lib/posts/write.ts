import 'server-only';
import { CacheTags } from '@/lib/cache-tags';
import { revalidatePublic, tagsFor, type Affected } from '@/lib/cache/revalidate';
import { snapshotFromFrontMatter } from '@/lib/content/front-matter';
import { db } from '@/lib/db';
import { retryingConflicts } from '@/lib/db/retry';
import { renderWithBudget } from '@/lib/render/budget';
import { findLatestRevision } from '@/lib/revisions/queries';
import { withCanonicalTerms } from '@/lib/terms/rows';
import type { PostSnapshot } from '@/lib/validations/post';
import { EditConflictError } from './errors';
import { affectedBy, createPost, updatePost, type SavedPost } from './mutations';
import { contentHash, postWithTermsInclude, snapshotOfPost } from './snapshot';

/**
 * The post write module: every change to a post (an editor's save, a restore,
 * trash, delete, an import, scheduled publishing, re-rendering, a tag rename or
 * merge) is made through this file and its siblings (import-write.ts,
 * scheduler.ts, rerender.ts, tag-changes.ts), which all write rows through
 * mutations.ts and expire public pages through `revalidatePosts` alone.
 */

/** Expires the public pages the given writes touched, on every instance; returns a warning when other instances could not be told. */
export function revalidatePosts(affected: Affected[]): Promise<string | null> {
  return revalidatePublic(affected.length ? tagsFor(affected) : []);
}

/** A user's display name changed: the articles whose byline may show it (and the feed, with them). */
export async function revalidateBylinesOf(userId: number): Promise<string | null> {
  const posts = await db.post.findMany({ where: { revisions: { some: { authorId: userId } } }, select: { slug: true } });
  return revalidatePosts(posts.length ? [{ slugs: posts.map((p) => p.slug), tagSlugs: [], categorySlugs: [] }] : []);
}

/** Expires every public page (after every post was compiled again). */
export function revalidateAllPosts(): Promise<string | null> {
  return revalidatePublic([CacheTags.site]);
}

export interface SaveRequest {
  /** Absent for a new post. */
  postId?: number;
  /** The version the editor's text was based on. */
  baseVersion?: number;
  snapshot: PostSnapshot;
  /** Null for a command-line job (bringing an import's images home). */
  authorId: number | null;
  message?: string | null;
}

export type SaveOutcome =
  | { kind: 'saved'; saved: SavedPost }
  /** alreadySaved: this very text is the newest version, saved after the version the editor saw. */
  | { kind: 'unchanged'; version: number; alreadySaved?: boolean }
  | { kind: 'conflict'; current: PostSnapshot; version: number; savedBy: string | null; savedAt: Date };

async function conflictWith(postId: number): Promise<SaveOutcome> {
  const current = await db.post.findUniqueOrThrow({ where: { id: postId }, include: postWithTermsInclude });
  const last = await findLatestRevision(db, postId);
  return { kind: 'conflict', current: snapshotOfPost(current), version: current.version, savedBy: last?.authorEmail ?? null, savedAt: last?.createdAt ?? current.updatedAt };
}

/**
 * An editor's save: compile the body (RenderError for one that cannot be
 * published), write post and revision in one transaction on top of the version
 * the editor saw, and revalidate exactly the public pages it touched. A save
 * based on a replaced version is refused with what is there now, to compare.
 */
export async function savePost(request: SaveRequest): Promise<SaveOutcome> {
  const [snapshot] = await withCanonicalTerms(db, [request.snapshot]);
  // On a worker within the render budget: a body too complex to compile is a RenderError, and nothing is written.
  const rendered = await renderWithBudget(snapshot!.format, snapshot!.body, snapshot!.title);
  const meta = { authorId: request.authorId, message: request.message || null };
  const { postId } = request;
  try {
    if (postId !== undefined) {
      const latest = await findLatestRevision(db, postId);
      if (latest && latest.contentHash === contentHash(snapshot!)) {
        if (latest.number === request.baseVersion) return { kind: 'unchanged', version: latest.number };
        // A save retried after its answer was lost (the server went away after the commit) finds itself
        // already there: nothing would be overwritten, so it is no conflict.
        if (request.baseVersion !== undefined && latest.number > request.baseVersion) {
          return { kind: 'unchanged', version: latest.number, alreadySaved: true };
        }
      }
    }
    const saved = await retryingConflicts(() =>
      db.$transaction((tx) =>
        postId === undefined ? createPost(tx, snapshot!, rendered, meta) : updatePost(tx, postId, request.baseVersion ?? -1, snapshot!, rendered, meta),
      ),
    );
    await revalidatePosts([saved.affected]);
    return { kind: 'saved', saved };
  } catch (error) {
    if (!(error instanceof EditConflictError)) throw error;
    return conflictWith(error.postId);
  }
}

/** A post as stored, as a snapshot, with the version a change must be based on; null when it does not exist. */
export async function loadPostSnapshot(postId: number): Promise<{ snapshot: PostSnapshot; version: number; sourceId: string | null; trashed: boolean } | null> {
  const post = await db.post.findUnique({ where: { id: postId }, include: postWithTermsInclude });
  return post && { snapshot: snapshotOfPost(post), version: post.version, sourceId: post.sourceId, trashed: post.deletedAt !== null };
}

/** Publish or unpublish: a new revision that changes only the status. False when the post does not exist. */
export async function setPostStatus(postId: number, status: 'draft' | 'published', authorId: number): Promise<boolean> {
  const loaded = await loadPostSnapshot(postId);
  if (!loaded) return false;
  const message = status === 'published' ? '发布' : '撤回为草稿';
  await savePost({ postId, baseVersion: loaded.version, snapshot: { ...loaded.snapshot, status }, authorId, message });
  return true;
}

/**
 * Makes an old revision the newest one (history is never rewritten); the status
 * stays as it is now unless `withStatus`. Returns the post's version after it,
 * or null when the post or the revision does not exist.
 */
export async function restoreRevision(postId: number, number: number, options: { withStatus: boolean; authorId: number }): Promise<number | null> {
  const loaded = await loadPostSnapshot(postId);
  const revision = loaded && (await db.revision.findUnique({ where: { postId_number: { postId, number } }, select: { frontMatter: true, body: true, format: true } }));
  if (!loaded || !revision) return null;
  const restored = snapshotFromFrontMatter({ data: revision.frontMatter as Record<string, unknown>, body: revision.body, format: revision.format });
  const snapshot = options.withStatus ? restored : { ...restored, status: loaded.snapshot.status };
  const outcome = await savePost({ postId, baseVersion: loaded.version, snapshot, authorId: options.authorId, message: `恢复到版本 ${number}` });
  return outcome.kind === 'saved' ? outcome.saved.version : loaded.version;
}

/** Moves a post to the trash, or back; not a content change, so no revision. False when the post does not exist or is there already. */
export async function setPostTrashed(postId: number, trashed: boolean): Promise<boolean> {
  const affected = await db.$transaction(async (tx) => {
    // A post already in the trash keeps the date it went there.
    const { count } = await tx.post.updateMany({ where: { id: postId, deletedAt: trashed ? null : { not: null } }, data: { deletedAt: trashed ? new Date() : null } });
    return count ? affectedBy(tx, postId) : null;
  });
  if (affected) await revalidatePosts([affected]);
  return affected !== null;
}

/**
 * Deletes a post and its whole history. `confirmTitle` is the title the editor
 * typed to confirm: a request without the post's title deletes nothing.
 */
export async function deletePost(postId: number, confirmTitle: string): Promise<'deleted' | 'missing' | 'unconfirmed'> {
  let outcome: 'deleted' | 'missing' | 'unconfirmed' = 'missing';
  const affected = await db.$transaction(async (tx) => {
    const before = await tx.post.findUnique({ where: { id: postId }, select: { id: true, title: true } });
    if (!before) return null;
    if (before.title.trim() !== confirmTitle.trim()) {
      outcome = 'unconfirmed';
      return null;
    }
    outcome = 'deleted';
    const pages = await affectedBy(tx, postId);
    await tx.post.delete({ where: { id: postId } });
    return pages;
  });
  if (affected) await revalidatePosts([affected]);
  return outcome;
}
