import 'server-only';
import type { Affected } from '@/lib/cache/revalidate';
import { db } from '@/lib/db';
import { deleteUnusedTermRow, renameTermRow, retireMergedTerm, termsToMerge, TERM_NAMES } from '@/lib/terms/write';
import { termKey, type TermKind } from '@/lib/terms/names';
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

/** Writes a new revision of each post with its terms of `kind` as `rename` maps them (the same term twice kept once): history records the change. */
async function rewriteTerms(kind: TermKind, postIds: number[], rename: (name: string) => string, authorId: number, message: string): Promise<Affected[]> {
  const field = kind === 'tag' ? 'tags' : 'categories';
  const affected: Affected[] = [];
  for (const id of postIds) {
    const post = await db.post.findUniqueOrThrow({ where: { id }, include: postWithTermsInclude });
    const snapshot = snapshotOfPost(post);
    const names = [...new Set(snapshot[field].map(rename))];
    const rendered = await storedRender(post);
    const saved = await db.$transaction((tx) => updatePost(tx, id, post.version, { ...snapshot, [field]: names }, rendered, { authorId, message }));
    affected.push(saved.affected);
  }
  return affected;
}

const termPages = (kind: TermKind, ...slugs: string[]): Affected => ({ slugs: [], tagSlugs: kind === 'tag' ? slugs : [], categorySlugs: kind === 'category' ? slugs : [] });

/** Renames a tag or category (its URL stays); every post carrying it gets a revision. */
export async function renameTerm(kind: TermKind, id: number, newName: string, authorId: number): Promise<{ before: string; name: string }> {
  const { before, name } = await renameTermRow(kind, id, newName);
  const message = `${TERM_NAMES[kind]}“${before.name}”改名为“${name}”`;
  const affected = await rewriteTerms(kind, before.postIds, (t) => (termKey(t) === termKey(name) ? name : t), authorId, message);
  await revalidatePosts([...affected, termPages(kind, before.slug)]);
  return { before: before.name, name };
}

/** Merges one term into another: posts move over (with revisions); a merged tag's old URL redirects to the target. */
export async function mergeTerms(kind: TermKind, sourceId: number, targetId: number, authorId: number): Promise<{ source: string; target: string; posts: number }> {
  const { source, target } = await termsToMerge(kind, sourceId, targetId);
  const rename = (t: string) => (termKey(t) === source.nameKey ? target.name : t);
  const affected = await rewriteTerms(kind, source.postIds, rename, authorId, `${TERM_NAMES[kind]}“${source.name}”合并到“${target.name}”`);
  await retireMergedTerm(source, targetId);
  await revalidatePosts([...affected, termPages(kind, source.slug, target.slug)]);
  return { source: source.name, target: target.name, posts: source.postIds.length };
}

/** Deletes a term no post carries (refused otherwise); its page, if cached, expires. */
export async function deleteUnusedTerm(kind: TermKind, id: number): Promise<string> {
  const { name, slug } = await deleteUnusedTermRow(kind, id);
  await revalidatePosts([termPages(kind, slug)]);
  return name;
}

/** Renames a tag (its URL stays); every post carrying it gets a revision. */
export const renameTag = (tagId: number, newName: string, authorId: number) => renameTerm('tag', tagId, newName, authorId);

/** Merges one tag into another: posts move over (with revisions), the old URL redirects to the new one. */
export const mergeTags = (sourceId: number, targetId: number, authorId: number) => mergeTerms('tag', sourceId, targetId, authorId);
