import 'server-only';
import { db } from '@/lib/db';

/** Every tag with its number of posts (drafts and trash included), for the admin. */
export function listTagsForAdmin() {
  return db.tag.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true, _count: { select: { posts: true } } } });
}
