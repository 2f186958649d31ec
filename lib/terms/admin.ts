import 'server-only';
import { db } from '@/lib/db';
import type { TermKind } from './names';

/** Every tag with its number of posts (drafts and trash included), for the admin. */
export function listTagsForAdmin() {
  return db.tag.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true, _count: { select: { posts: true } } } });
}

/** Tag or category names, for the editor's suggestions. */
export async function listTermNames(kind: TermKind): Promise<string[]> {
  const rows = kind === 'tag' ? await db.tag.findMany({ select: { name: true }, orderBy: { name: 'asc' } }) : await db.category.findMany({ select: { name: true }, orderBy: { name: 'asc' } });
  return rows.map((r) => r.name);
}
