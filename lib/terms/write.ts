import 'server-only';
import { db } from '@/lib/db';
import { cleanTermName, termKey, type TermKind } from './names';

/** The term write module's rows; posts carrying a renamed or merged term get their revisions from lib/posts/tag-changes.ts. */

export class TermInputError extends Error {
  override name = 'TermInputError';
}

/** `标签` or `分类`, for messages. */
export const TERM_NAMES: Record<TermKind, string> = { tag: '标签', category: '分类' };

const TABLES = { tag: { terms: 'tags', links: 'post_tags', key: 'tag_id' }, category: { terms: 'categories', links: 'post_categories', key: 'category_id' } } as const;

export interface TermWithPosts {
  kind: TermKind;
  id: number;
  name: string;
  nameKey: string;
  slug: string;
  postIds: number[];
}

/** A term and, unless `withPosts` is false (a merge's target: it may carry tens of thousands), the posts carrying it. */
async function termWithPosts(kind: TermKind, id: number, withPosts = true): Promise<TermWithPosts> {
  const { terms, links, key } = TABLES[kind];
  const posts = withPosts ? `array(SELECT l.post_id FROM ${links} l WHERE l.${key} = t.id ORDER BY l.post_id)` : `'{}'::int[]`;
  const [term] = await db.$queryRawUnsafe<{ id: number; name: string; name_key: string; slug: string; post_ids: number[] }[]>(
    `SELECT t.id, t.name, t.name_key, t.slug, coalesce(${posts}, '{}') AS post_ids FROM ${terms} t WHERE t.id = $1`,
    id,
  );
  if (!term) throw new TermInputError(`这个${TERM_NAMES[kind]}已不存在（可能刚被合并或删除）`);
  return { kind, id: term.id, name: term.name, nameKey: term.name_key, slug: term.slug, postIds: term.post_ids };
}

/** The term with this name (case and width folded), or null. */
export async function findTermByName(kind: TermKind, name: string): Promise<{ id: number; name: string } | null> {
  const [row] = await db.$queryRawUnsafe<{ id: number; name: string }[]>(`SELECT id, name FROM ${TABLES[kind].terms} WHERE name_key = $1`, termKey(name));
  return row ?? null;
}

/** Renames a term row (its slug, and so its URL, stays); refuses a blank or clashing name. Returns the term as it was and the clean new name. */
export async function renameTermRow(kind: TermKind, id: number, newName: string): Promise<{ before: TermWithPosts; name: string }> {
  const name = cleanTermName(newName);
  const label = TERM_NAMES[kind];
  if (!name || name.length > 100) throw new TermInputError(`${label}名称需为 1–100 个字符`);
  const before = await termWithPosts(kind, id);
  const clash = await findTermByName(kind, name);
  if (clash && clash.id !== id) throw new TermInputError(`已有${label}“${clash.name}”，请改用合并`);
  await db.$executeRawUnsafe(`UPDATE ${TABLES[kind].terms} SET name = $1, name_key = $2 WHERE id = $3`, name, termKey(name), id);
  return { before, name };
}

/** The two terms of a merge (the target without its posts), refusing a merge of a term into itself. */
export async function termsToMerge(kind: TermKind, sourceId: number, targetId: number): Promise<{ source: TermWithPosts; target: TermWithPosts }> {
  if (sourceId === targetId) throw new TermInputError(`不能把${TERM_NAMES[kind]}合并到它自己`);
  const [source, target] = await Promise.all([termWithPosts(kind, sourceId), termWithPosts(kind, targetId, false)]);
  return { source, target };
}

/** Removes the merged term; a tag's URL, and every URL that redirected to it, redirect to the target. */
export async function retireMergedTerm(source: TermWithPosts, targetId: number): Promise<void> {
  if (source.kind === 'category') {
    await db.category.delete({ where: { id: source.id } });
    return;
  }
  await db.$transaction([
    db.tagRedirect.updateMany({ where: { tagId: source.id }, data: { tagId: targetId } }),
    db.tag.delete({ where: { id: source.id } }),
    // A tag made after an earlier merge may have taken a retired slug back: its redirect points on.
    db.tagRedirect.upsert({ where: { slug: source.slug }, create: { slug: source.slug, tagId: targetId }, update: { tagId: targetId } }),
  ]);
}

/** Deletes a term no post carries, in one statement so a post tagged meanwhile keeps it; returns its slug. */
export async function deleteUnusedTermRow(kind: TermKind, id: number): Promise<{ name: string; slug: string }> {
  const { terms, links, key } = TABLES[kind];
  const [row] = await db.$queryRawUnsafe<{ name: string; slug: string }[]>(
    `DELETE FROM ${terms} t WHERE t.id = $1 AND NOT EXISTS (SELECT 1 FROM ${links} l WHERE l.${key} = t.id) RETURNING t.name, t.slug`,
    id,
  );
  if (row) return row;
  const term = await termWithPosts(kind, id);
  throw new TermInputError(`“${term.name}”还有 ${term.postIds.length} 篇文章在用，不能删除；可以先合并到别的${TERM_NAMES[kind]}`);
}
