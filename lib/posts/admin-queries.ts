import 'server-only';
import { db } from '@/lib/db';
import { postWithTermsInclude } from './snapshot';

/** A post with its terms, for the editor; trashed posts included. */
export function getPostForEdit(id: number) {
  return db.post.findUnique({ where: { id }, include: postWithTermsInclude });
}

/** A post's id and title, for pages about it that need no more (its history); trashed posts included. */
export function getPostTitle(id: number) {
  return db.post.findUnique({ where: { id }, select: { id: true, title: true } });
}

/** The source id (artid) a post keeps across editors' saves; null when the post does not exist. */
export function getPostSourceId(id: number) {
  return db.post.findUnique({ where: { id }, select: { sourceId: true } });
}
