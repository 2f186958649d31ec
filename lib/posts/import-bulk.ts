import { Prisma } from '@/lib/generated/prisma/client.ts';
import { PUBLIC_POST_SQL } from '@/lib/listing/visibility';
import type { RenderedBody } from '@/lib/render/render';
import { termKey } from '@/lib/terms/names';
import { ensureTermRows } from '@/lib/terms/rows';
import type { PostSnapshot } from '@/lib/validations/post';
import { postRowSql, revisionData, type RevisionMeta, type SavedPost, type Tx } from './mutations';

export interface NewPost {
  snapshot: PostSnapshot;
  rendered: RenderedBody;
  meta: RevisionMeta;
}

/** Thrown when a chunk cannot be created in bulk as it is; its posts are then written one by one. */
export class NotInBulk extends Error {
  override name = 'NotInBulk';
}

/** Every post's terms, created where missing, by key; one insert and one select per kind for the chunk. */
async function termsByKey(tx: Tx, kind: 'tag' | 'category', lists: string[][]) {
  const first = new Map<string, string>();
  // The first spelling of a term stands, as when the posts are written one by one.
  for (const name of lists.flat()) if (!first.has(termKey(name))) first.set(termKey(name), name);
  const names = [...first.values()];
  const rows = await ensureTermRows(tx, kind, names);
  return new Map(names.map((name, i) => [termKey(name), rows[i]!]));
}

/** Plain INSERTs (row triggers fire), one statement per table for the whole chunk. */
async function linkAll(tx: Tx, table: 'post_tags' | 'post_categories', column: 'tag_id' | 'category_id', links: [number, number, number][]) {
  if (!links.length) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO ${table} (post_id, ${column}, position) SELECT * FROM unnest($1::int[], $2::int[], $3::int[])`,
    links.map((l) => l[0]),
    links.map((l) => l[1]),
    links.map((l) => l[2]),
  );
}

/** Each post's public neighbours' slugs (the pages that link to it), in one query. */
async function neighbourSlugs(tx: Tx, posts: { id: number; publishedAt: Date }[]): Promise<Map<number, string[]>> {
  const rows = await tx.$queryRawUnsafe<{ id: number; older: string | null; newer: string | null }[]>(
    `SELECT c.id,
       (SELECT p.slug FROM posts p WHERE ${PUBLIC_POST_SQL} AND (p.published_at, p.id) < (c.at, c.id) ORDER BY p.published_at DESC, p.id DESC LIMIT 1) AS older,
       (SELECT p.slug FROM posts p WHERE ${PUBLIC_POST_SQL} AND (p.published_at, p.id) > (c.at, c.id) ORDER BY p.published_at, p.id LIMIT 1) AS newer
     FROM unnest($1::int[], $2::timestamptz[]) AS c(id, at)`,
    posts.map((p) => p.id),
    posts.map((p) => p.publishedAt),
  );
  return new Map(rows.map((r) => [r.id, [r.newer, r.older].flatMap((slug) => (slug ? [slug] : []))]));
}

/**
 * Creates new posts and their first revisions with a handful of statements for
 * the whole chunk instead of a dozen per post: the same rows createPost writes.
 * Throws NotInBulk when a slug or artid is already taken (createPost says which),
 * or the database's own error; the caller then writes the posts one by one.
 */
export async function createPostsInBulk(tx: Tx, posts: NewPost[]): Promise<SavedPost[]> {
  const slugs = posts.map((p) => p.snapshot.slug);
  const sourceIds = posts.flatMap((p) => (p.snapshot.sourceId ? [p.snapshot.sourceId] : []));
  const taken = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM posts WHERE slug = ANY(${slugs}::text[]) OR source_id = ANY(${sourceIds}::text[]) LIMIT 1`;
  if (taken.length) throw new NotInBulk('a slug or artid of the chunk is taken');
  // A live post's slug outranks another post's old-slug redirect.
  await tx.$executeRaw`DELETE FROM slug_redirects WHERE slug = ANY(${slugs}::text[])`;

  const rows = posts.map((p) => postRowSql(p.snapshot, p.rendered));
  const columns = rows[0]!.columns.join(', ');
  if (rows.some((row) => row.columns.join(', ') !== columns)) throw new NotInBulk('posts with different columns');
  const inserted = await tx.$queryRaw<{ id: number; slug: string }[]>`INSERT INTO posts (${Prisma.raw(columns)})
    VALUES ${Prisma.join(rows.map((row) => row.values))} RETURNING id, slug`;
  const idOf = new Map(inserted.map((row) => [row.slug, row.id]));
  const ids = slugs.map((slug) => idOf.get(slug)!);

  const tags = await termsByKey(
    tx,
    'tag',
    posts.map((p) => p.snapshot.tags),
  );
  const categories = await termsByKey(
    tx,
    'category',
    posts.map((p) => p.snapshot.categories),
  );
  const termsOf = (post: NewPost) => ({
    tags: post.snapshot.tags.map((name) => tags.get(termKey(name))!),
    categories: post.snapshot.categories.map((name) => categories.get(termKey(name))!),
  });
  const terms = posts.map(termsOf);
  await linkAll(
    tx,
    'post_tags',
    'tag_id',
    terms.flatMap((t, i) => t.tags.map((tag, position): [number, number, number] => [ids[i]!, tag.id, position])),
  );
  await linkAll(
    tx,
    'post_categories',
    'category_id',
    terms.flatMap((t, i) => t.categories.map((c, position): [number, number, number] => [ids[i]!, c.id, position])),
  );

  const revisions = posts.map((post, i) => {
    const r = revisionData(post.snapshot, post.meta, []);
    return Prisma.sql`(${ids[i]}, 1, ${JSON.stringify(r.frontMatter)}::jsonb, ${r.format}::"BodyFormat", ${r.body}, ${r.contentHash},
      ${r.sourceText}, ${r.sourceHash}, ${r.authorId}, ${r.message}, ${r.changedFields}::text[])`;
  });
  await tx.$executeRaw`INSERT INTO revisions (post_id, number, front_matter, format, body, content_hash, source_text, source_hash, author_id, message, changed_fields)
    VALUES ${Prisma.join(revisions)}`;

  const neighbours = await neighbourSlugs(
    tx,
    posts.map((p, i) => ({ id: ids[i]!, publishedAt: p.snapshot.publishedAt })),
  );
  return posts.map((post, i) => ({
    id: ids[i]!,
    version: 1,
    slug: post.snapshot.slug,
    affected: {
      slugs: [post.snapshot.slug, ...(neighbours.get(ids[i]!) ?? [])],
      tagSlugs: terms[i]!.tags.map((t) => t.slug),
      categorySlugs: terms[i]!.categories.map((c) => c.slug),
    },
  }));
}
