import 'server-only';
import type { Affected } from '@/lib/cache/revalidate';
import { db } from '@/lib/db';
import { retryingConflicts } from '@/lib/db/retry';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import type { TermKind } from '@/lib/terms/names';
import { changesSince, revisionData, searchHeadWords, type Tx } from './mutations';
import { postWithTermsInclude, snapshotOfPost } from './snapshot';

/** Posts rewritten per transaction: a term on thousands of posts does not hold all their rows at once. */
const CHUNK = 200;
const LINKS = { tag: { table: 'post_tags', column: 'tag_id' }, category: { table: 'post_categories', column: 'category_id' } } as const;

/** A merge's links: the source's move to the target, or go where the post already has the target (which keeps the earlier place). */
async function moveLinks(tx: Tx, kind: TermKind, ids: number[], merge: { sourceId: number; targetId: number }) {
  const { table, column } = LINKS[kind];
  const { sourceId, targetId } = merge;
  await tx.$executeRawUnsafe(
    `UPDATE ${table} t SET position = s.position FROM ${table} s
     WHERE s.post_id = t.post_id AND s.${column} = $1 AND t.${column} = $2 AND s.position < t.position AND t.post_id = ANY($3::int[])`,
    sourceId, targetId, ids,
  );
  await tx.$executeRawUnsafe(
    `DELETE FROM ${table} s WHERE s.${column} = $1 AND s.post_id = ANY($3::int[])
     AND EXISTS (SELECT 1 FROM ${table} t WHERE t.post_id = s.post_id AND t.${column} = $2)`,
    sourceId, targetId, ids,
  );
  await tx.$executeRawUnsafe(`UPDATE ${table} SET ${column} = $2 WHERE ${column} = $1 AND post_id = ANY($3::int[])`, sourceId, targetId, ids);
}

/**
 * A new revision of each post with its terms of `kind` as `rename` maps them (the same term
 * twice kept once), a chunk of posts per transaction in a few statements rather than a save
 * per post. Only the terms change: the stored render stays, and the search vector keeps its
 * body words (weight C) and takes the title and the new terms afresh.
 */
export async function rewriteTerms(
  kind: TermKind,
  postIds: number[],
  rename: (name: string) => string,
  meta: { authorId: number; message: string },
  merge?: { sourceId: number; targetId: number },
): Promise<Affected[]> {
  const field = kind === 'tag' ? 'tags' : 'categories';
  const affected: Affected[] = [];
  for (let at = 0; at < postIds.length; at += CHUNK) {
    const ids = postIds.slice(at, at + CHUNK);
    const done = await retryingConflicts(() =>
      db.$transaction(
        async (tx) => {
          // Locked in id order, so two term changes wait for each other rather than deadlock, and a save in between is seen.
          await tx.$queryRaw`SELECT id FROM posts WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
          const posts = await tx.post.findMany({ where: { id: { in: ids } }, include: postWithTermsInclude, orderBy: { id: 'asc' } });
          const previous = await tx.$queryRaw<{ post_id: number; front_matter: Prisma.JsonValue; format: string; body: string }[]>`
            SELECT r.post_id, r.front_matter, r.format::text AS format, r.body FROM revisions r
            JOIN unnest(${posts.map((p) => p.id)}::int[], ${posts.map((p) => p.version)}::int[]) AS v(id, number) ON r.post_id = v.id AND r.number = v.number`;
          const before = new Map(previous.map((r) => [r.post_id, { frontMatter: r.front_matter, format: r.format, body: r.body }]));
          const rows = posts.map((post) => {
            const snapshot = snapshotOfPost(post);
            const next = { ...snapshot, [field]: [...new Set(snapshot[field].map(rename))] };
            return { post, next, words: searchHeadWords(next), revision: revisionData(next, meta, changesSince(before.get(post.id) ?? null, next)) };
          });
          await tx.$executeRaw`
            UPDATE posts p SET version = p.version + 1, updated_at = now(),
              search_vector = setweight(to_tsvector('simple', u.title), 'A') || setweight(to_tsvector('simple', u.meta), 'B')
                              || ts_filter(coalesce(p.search_vector, ''::tsvector), '{c}')
            FROM unnest(${rows.map((r) => r.post.id)}::int[], ${rows.map((r) => r.words.title)}::text[], ${rows.map((r) => r.words.meta)}::text[]) AS u(id, title, meta)
            WHERE p.id = u.id`;
          if (merge) await moveLinks(tx, kind, ids, merge);
          await tx.revision.createMany({ data: rows.map((r) => ({ postId: r.post.id, number: r.post.version + 1, ...r.revision })) });
          return rows.map(
            (r): Affected => ({
              slugs: [r.post.slug],
              tagSlugs: r.post.tags.map((t) => t.tag.slug),
              categorySlugs: r.post.categories.map((c) => c.category.slug),
            }),
          );
        },
        { timeout: 60_000 },
      ),
    );
    affected.push(...done);
  }
  return affected;
}
