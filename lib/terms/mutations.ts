import 'server-only';
import { revalidatePublic, tagsFor, type Affected } from '@/lib/cache/revalidate';
import { termKey } from '@/lib/content/terms';
import { db } from '@/lib/db';
import { updatePost } from '@/lib/posts/mutations';
import { postWithTermsInclude, snapshotOfPost, type PostWithTerms } from '@/lib/posts/snapshot';
import { renderWithBudget } from '@/lib/render/budget';
import { RENDER_HASH_PREFIX, type RenderedBody } from '@/lib/render/render';
import type { TocEntry } from '@/lib/render/enhance';

export class TermInputError extends Error {
  override name = 'TermInputError';
}

async function storedRender(post: PostWithTerms): Promise<RenderedBody> {
  if (post.renderHash?.startsWith(RENDER_HASH_PREFIX)) {
    return { html: post.html, toc: post.toc as unknown as TocEntry[], text: post.searchText, readingMinutes: post.readingMinutes, renderHash: post.renderHash };
  }
  return renderWithBudget(post.format, post.body, post.title);
}

/** Writes a new revision of each post with its tags as `rename` maps them: history records the change. */
async function rewriteTags(postIds: number[], rename: (name: string) => string, authorId: number, message: string): Promise<Affected[]> {
  const affected: Affected[] = [];
  for (const id of postIds) {
    const post = await db.post.findUniqueOrThrow({ where: { id }, include: postWithTermsInclude });
    const snapshot = snapshotOfPost(post);
    const tags = [...new Map(snapshot.tags.map((t) => rename(t)).map((t) => [termKey(t), t])).values()];
    const saved = await db.$transaction(async (tx) => updatePost(tx, id, post.version, { ...snapshot, tags }, await storedRender(post), { authorId, message }));
    affected.push(saved.affected);
  }
  return affected;
}

/** Renames a tag (its URL stays); every post carrying it gets a revision. */
export async function renameTag(tagId: number, newName: string, authorId: number): Promise<void> {
  const name = newName.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!name || name.length > 100) throw new TermInputError('标签名称需为 1–100 个字符');
  const tag = await db.tag.findUniqueOrThrow({ where: { id: tagId }, include: { posts: { select: { postId: true } } } });
  const clash = await db.tag.findFirst({ where: { nameKey: termKey(name), id: { not: tagId } } });
  if (clash) throw new TermInputError(`已有标签“${clash.name}”，请改用合并`);
  await db.tag.update({ where: { id: tagId }, data: { name, nameKey: termKey(name) } });
  const affected = await rewriteTags(tag.posts.map((p) => p.postId), (t) => (termKey(t) === termKey(name) ? name : t), authorId, `标签“${tag.name}”改名为“${name}”`);
  await revalidatePublic(tagsFor([...affected, { slugs: [], tagSlugs: [tag.slug], categorySlugs: [] }]));
}

/** Merges one tag into another: posts move over (with revisions), the old URL redirects to the new one. */
export async function mergeTags(sourceId: number, targetId: number, authorId: number): Promise<void> {
  if (sourceId === targetId) throw new TermInputError('不能把标签合并到它自己');
  const [source, target] = await Promise.all([
    db.tag.findUniqueOrThrow({ where: { id: sourceId }, include: { posts: { select: { postId: true } } } }),
    db.tag.findUniqueOrThrow({ where: { id: targetId } }),
  ]);
  const affected = await rewriteTags(
    source.posts.map((p) => p.postId),
    (t) => (termKey(t) === source.nameKey ? target.name : t),
    authorId,
    `标签“${source.name}”合并到“${target.name}”`,
  );
  await db.$transaction([
    db.tagRedirect.updateMany({ where: { tagId: sourceId }, data: { tagId: targetId } }),
    db.tag.delete({ where: { id: sourceId } }),
    db.tagRedirect.create({ data: { slug: source.slug, tagId: targetId } }),
  ]);
  await revalidatePublic(tagsFor([...affected, { slugs: [], tagSlugs: [source.slug, target.slug], categorySlugs: [] }]));
}

