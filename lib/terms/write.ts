import 'server-only';
import { db } from '@/lib/db';
import { cleanTermName, termKey } from './names';

/** The term write module's rows; posts carrying a renamed or merged tag get their revisions from lib/posts/tag-changes.ts. */

export class TermInputError extends Error {
  override name = 'TermInputError';
}

export interface TagWithPosts {
  id: number;
  name: string;
  nameKey: string;
  slug: string;
  postIds: number[];
}

async function tagWithPosts(tagId: number): Promise<TagWithPosts> {
  const tag = await db.tag.findUniqueOrThrow({ where: { id: tagId }, include: { posts: { select: { postId: true } } } });
  return { id: tag.id, name: tag.name, nameKey: tag.nameKey, slug: tag.slug, postIds: tag.posts.map((p) => p.postId) };
}

/** Renames a tag row (its slug, and so its URL, stays); refuses a blank or clashing name. Returns the tag as it was and the clean new name. */
export async function renameTagRow(tagId: number, newName: string): Promise<{ before: TagWithPosts; name: string }> {
  const name = cleanTermName(newName);
  if (!name || name.length > 100) throw new TermInputError('标签名称需为 1–100 个字符');
  const before = await tagWithPosts(tagId);
  const clash = await db.tag.findFirst({ where: { nameKey: termKey(name), id: { not: tagId } } });
  if (clash) throw new TermInputError(`已有标签“${clash.name}”，请改用合并`);
  await db.tag.update({ where: { id: tagId }, data: { name, nameKey: termKey(name) } });
  return { before, name };
}

/** The two tags of a merge, refusing a merge of a tag into itself. */
export async function tagsToMerge(sourceId: number, targetId: number): Promise<{ source: TagWithPosts; target: TagWithPosts }> {
  if (sourceId === targetId) throw new TermInputError('不能把标签合并到它自己');
  const [source, target] = await Promise.all([tagWithPosts(sourceId), tagWithPosts(targetId)]);
  return { source, target };
}

/** Removes the merged tag; its URL, and every URL that redirected to it, redirect to the target. */
export async function retireMergedTag(source: TagWithPosts, targetId: number): Promise<void> {
  await db.$transaction([
    db.tagRedirect.updateMany({ where: { tagId: source.id }, data: { tagId: targetId } }),
    db.tag.delete({ where: { id: source.id } }),
    // A tag made after an earlier merge may have taken a retired slug back: its redirect points on.
    db.tagRedirect.upsert({ where: { slug: source.slug }, create: { slug: source.slug, tagId: targetId }, update: { tagId: targetId } }),
  ]);
}
