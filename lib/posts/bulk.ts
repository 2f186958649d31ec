import 'server-only';
import { termKey } from '@/lib/terms/names';
import { loadPostSnapshot, savePost, setPostStatus, setPostTrashed } from './write';

export type BulkChange =
  | { kind: 'publish' | 'unpublish' | 'trash' | 'restore' }
  | { kind: 'add-tag' | 'remove-tag'; tag: string };

async function changeTags(postId: number, change: { kind: 'add-tag' | 'remove-tag'; tag: string }, authorId: number): Promise<boolean> {
  const loaded = await loadPostSnapshot(postId);
  // A post in the trash changes only by coming back from it.
  if (!loaded || loaded.trashed) return false;
  const key = termKey(change.tag);
  const has = loaded.snapshot.tags.some((t) => termKey(t) === key);
  if (has === (change.kind === 'add-tag')) return false;
  const tags = change.kind === 'add-tag' ? [...loaded.snapshot.tags, change.tag] : loaded.snapshot.tags.filter((t) => termKey(t) !== key);
  const message = change.kind === 'add-tag' ? `批量添加标签“${change.tag}”` : `批量移除标签“${change.tag}”`;
  const outcome = await savePost({ postId, baseVersion: loaded.version, snapshot: { ...loaded.snapshot, tags }, authorId, message });
  return outcome.kind === 'saved';
}

/**
 * One change to many posts, each through the post write module (a revision for
 * a status or tag change; trash is no content change). Returns how many posts it changed.
 */
export async function applyBulkChange(postIds: number[], change: BulkChange, authorId: number): Promise<number> {
  let changed = 0;
  for (const postId of postIds) {
    let done: boolean;
    if (change.kind === 'publish' || change.kind === 'unpublish') {
      const loaded = await loadPostSnapshot(postId);
      const status = change.kind === 'publish' ? 'published' : 'draft';
      done = loaded !== null && !loaded.trashed && loaded.snapshot.status !== status && (await setPostStatus(postId, status, authorId));
    } else if (change.kind === 'trash' || change.kind === 'restore') {
      done = await setPostTrashed(postId, change.kind === 'trash');
    } else if ('tag' in change) {
      done = await changeTags(postId, change, authorId);
    } else {
      done = false;
    }
    if (done) changed++;
  }
  return changed;
}
