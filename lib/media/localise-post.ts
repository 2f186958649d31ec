import 'server-only';
import { db } from '@/lib/db';
import { savePost } from '@/lib/posts/write';
import { postWithTermsInclude, snapshotOfPost } from '@/lib/posts/snapshot';
import { localiseBody, localiseNote, type FetchOptions, type LocalisedImage } from './localise';

export interface LocalisePostReport {
  images: LocalisedImage[];
  /** The new version, when any image was brought home. */
  version?: number;
  conflict?: boolean;
}

/**
 * Brings one post's remote body images home as a new revision whose note keeps
 * every original URL. Images that fail stay remote and are reported one by one.
 */
export async function localisePostImages(postId: number, authorId: number | null, options?: FetchOptions): Promise<LocalisePostReport> {
  const post = await db.post.findUnique({ where: { id: postId }, include: postWithTermsInclude });
  if (!post) return { images: [] };
  const snapshot = snapshotOfPost(post);
  const { body, images } = await localiseBody(snapshot.body, authorId, options);
  if (body === snapshot.body) return { images };
  const outcome = await savePost({ postId, baseVersion: post.version, snapshot: { ...snapshot, body }, authorId, message: localiseNote(images) });
  if (outcome.kind === 'conflict') return { images, conflict: true };
  return { images, version: outcome.kind === 'saved' ? outcome.saved.version : outcome.version };
}
