import 'server-only';
import type { Affected } from '@/lib/cache/revalidate';
import { db } from '@/lib/db';
import { renameTagRow, retireMergedTag, tagsToMerge } from '@/lib/terms/write';
import { termKey } from '@/lib/terms/names';
import { renderWithBudget } from '@/lib/render/budget';
import { RENDER_HASH_PREFIX, type RenderedBody } from '@/lib/render/render';
import type { TocEntry } from '@/lib/render/enhance';
import { updatePost } from './mutations';
import { postWithTermsInclude, snapshotOfPost, type PostWithTerms } from './snapshot';
import { revalidatePosts } from './write';

/** A tag change leaves the body as it is: its stored render serves, unless an older renderer made it. */
async function storedRender(post: PostWithTerms): Promise<RenderedBody> {
  if (post.renderHash?.startsWith(RENDER_HASH_PREFIX)) {
    return { html: post.html, toc: post.toc as unknown as TocEntry[], text: post.searchText, readingMinutes: post.readingMinutes, renderHash: post.renderHash };
  }
  return renderWithBudget(post.format, post.body, post.title);
}

/** Writes a new revision of each post with its tags as `rename` maps them (the same term twice kept once): history records the change. */
async function rewriteTags(postIds: number[], rename: (name: string) => string, authorId: number, message: string): Promise<Affected[]> {
  const affected: Affected[] = [];
  for (const id of postIds) {
    const post = await db.post.findUniqueOrThrow({ where: { id }, include: postWithTermsInclude });
    const snapshot = snapshotOfPost(post);
    const tags = [...new Set(snapshot.tags.map(rename))];
    const rendered = await storedRender(post);
    const saved = await db.$transaction((tx) => updatePost(tx, id, post.version, { ...snapshot, tags }, rendered, { authorId, message }));
    affected.push(saved.affected);
  }
  return affected;
}

const tagPage = (...tagSlugs: string[]): Affected => ({ slugs: [], tagSlugs, categorySlugs: [] });

/** Renames a tag (its URL stays); every post carrying it gets a revision. */
export async function renameTag(tagId: number, newName: string, authorId: number): Promise<void> {
  const { before, name } = await renameTagRow(tagId, newName);
  const affected = await rewriteTags(before.postIds, (t) => (termKey(t) === termKey(name) ? name : t), authorId, `标签“${before.name}”改名为“${name}”`);
  await revalidatePosts([...affected, tagPage(before.slug)]);
}

/** Merges one tag into another: posts move over (with revisions), the old URL redirects to the new one. */
export async function mergeTags(sourceId: number, targetId: number, authorId: number): Promise<void> {
  const { source, target } = await tagsToMerge(sourceId, targetId);
  const rename = (t: string) => (termKey(t) === source.nameKey ? target.name : t);
  const affected = await rewriteTags(source.postIds, rename, authorId, `标签“${source.name}”合并到“${target.name}”`);
  await retireMergedTag(source, targetId);
  await revalidatePosts([...affected, tagPage(source.slug, target.slug)]);
}
