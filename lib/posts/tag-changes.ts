import 'server-only';
import type { Affected } from '@/lib/cache/revalidate';
import { deleteUnusedTermRow, renameTermRow, retireMergedTerm, termsToMerge, TERM_NAMES } from '@/lib/terms/write';
import { termKey, type TermKind } from '@/lib/terms/names';
import { rewriteTerms } from './term-rewrite';
import { revalidatePosts } from './write';

const termPages = (kind: TermKind, ...slugs: string[]): Affected => ({ slugs: [], tagSlugs: kind === 'tag' ? slugs : [], categorySlugs: kind === 'category' ? slugs : [] });

/** Renames a tag or category (its URL stays); every post carrying it gets a revision. */
export async function renameTerm(kind: TermKind, id: number, newName: string, authorId: number): Promise<{ before: string; name: string }> {
  const { before, name } = await renameTermRow(kind, id, newName);
  const message = `${TERM_NAMES[kind]}“${before.name}”改名为“${name}”`;
  const affected = await rewriteTerms(kind, before.postIds, (t) => (termKey(t) === termKey(name) ? name : t), { authorId, message });
  await revalidatePosts([...affected, termPages(kind, before.slug)]);
  return { before: before.name, name };
}

/** Merges one term into another: posts move over (with revisions); a merged tag's old URL redirects to the target. */
export async function mergeTerms(kind: TermKind, sourceId: number, targetId: number, authorId: number): Promise<{ source: string; target: string; posts: number }> {
  const { source, target } = await termsToMerge(kind, sourceId, targetId);
  const rename = (t: string) => (termKey(t) === source.nameKey ? target.name : t);
  const message = `${TERM_NAMES[kind]}“${source.name}”合并到“${target.name}”`;
  const affected = await rewriteTerms(kind, source.postIds, rename, { authorId, message }, { sourceId: source.id, targetId: target.id });
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
