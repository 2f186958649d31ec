import { frontMatterOf } from '@/lib/content/front-matter';
import { sha256 } from '@/lib/content/hash';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import { findNeighbours } from '@/lib/listing/neighbours';
import type { RenderedBody } from '@/lib/render/render';
import { changedFields } from '@/lib/revisions/diff';
import { segmentForIndex } from '@/lib/words/segment';
import { ensureTermRows } from '@/lib/terms/rows';
import type { PostSnapshot } from '@/lib/validations/post';
import type { Affected } from '@/lib/cache/revalidate';
import { DuplicatePostError, EditConflictError } from './errors';
import { contentHash, postColumns } from './snapshot';

/** Statements of the post write module (write.ts and its siblings), run inside their transactions. */
export type Tx = Prisma.TransactionClient;

export interface RevisionMeta {
  /** Who saved; null for a CLI import. */
  authorId: number | null;
  message?: string | null;
  /** The raw file an import read: set for imports only, which is how they are told apart. */
  sourceText?: string | null;
}

export interface SavedPost {
  id: number;
  version: number;
  slug: string;
  /** What public pages the save touched: slugs of the post (old and new), its neighbours, tags and categories (before and after). */
  affected: Affected;
}

export function renderedColumns(rendered: RenderedBody) {
  return {
    html: rendered.html,
    toc: rendered.toc as unknown as Prisma.InputJsonArray,
    searchText: rendered.text,
    readingMinutes: rendered.readingMinutes,
    renderHash: rendered.renderHash,
  };
}

/** The index's words for the title (weight A) and for description, keywords and terms (weight B). */
export function searchHeadWords(snapshot: PostSnapshot): { title: string; meta: string } {
  return {
    title: segmentForIndex(snapshot.title),
    meta: segmentForIndex([snapshot.description, snapshot.keywords, ...snapshot.tags, ...snapshot.categories].filter(Boolean).join(' ')),
  };
}

/**
 * Words segmented in the app (Intl.Segmenter) so Postgres' 'simple' parser indexes CJK text word by word.
 * The body's words come from the render worker when it segmented them (rendered.searchWords).
 */
function searchVectorSql(snapshot: PostSnapshot, rendered: Pick<RenderedBody, 'text' | 'searchWords'>) {
  const { title, meta } = searchHeadWords(snapshot);
  return Prisma.sql`setweight(to_tsvector('simple', ${title}), 'A') ||
      setweight(to_tsvector('simple', ${meta}), 'B') ||
      setweight(to_tsvector('simple', ${rendered.searchWords ?? segmentForIndex(rendered.text)}), 'C')`;
}

export async function indexForSearch(tx: Tx, postId: number, snapshot: PostSnapshot, rendered: Pick<RenderedBody, 'text' | 'searchWords'>) {
  await tx.$executeRaw`UPDATE posts SET search_vector = ${searchVectorSql(snapshot, rendered)} WHERE id = ${postId}`;
}

/** Column casts the INSERT needs; every other column takes its value as it is. */
const CASTS: Record<string, string> = { status: '"PostStatus"', format: '"BodyFormat"', extra: 'jsonb', toc: 'jsonb' };
const columnName = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A new post's row for an INSERT, from the same column list an update writes (postColumns, renderedColumns), with its search vector. */
export function postRowSql(snapshot: PostSnapshot, rendered: RenderedBody): { columns: string[]; values: Prisma.Sql } {
  const entries = Object.entries({ ...postColumns(snapshot), ...renderedColumns(rendered) });
  const values = entries.map(([field, value]) => {
    const stored = value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value;
    return CASTS[field] ? Prisma.sql`${stored}::${Prisma.raw(CASTS[field])}` : Prisma.sql`${stored}`;
  });
  return {
    columns: [...entries.map(([field]) => columnName(field)), 'version', 'updated_at', 'search_vector'],
    values: Prisma.sql`(${Prisma.join(values)}, 1, now(), ${searchVectorSql(snapshot, rendered)})`,
  };
}

function insertSql(snapshot: PostSnapshot, rendered: RenderedBody) {
  const row = postRowSql(snapshot, rendered);
  return Prisma.sql`INSERT INTO posts (${Prisma.raw(row.columns.join(', '))}) VALUES ${row.values} RETURNING id`;
}

async function neighbourSlugs(tx: Pick<Tx, 'post'>, post: { id: number; publishedAt: Date }): Promise<string[]> {
  const { newer, older } = await findNeighbours(tx, post);
  return [newer, older].flatMap((n) => (n ? [n.slug] : []));
}

/** The public pages a post appears on as it is stored: its article, its neighbours', its terms'. */
export async function affectedBy(tx: Pick<Tx, 'post'>, postId: number): Promise<Affected> {
  const post = await tx.post.findUnique({
    where: { id: postId },
    select: {
      slug: true,
      publishedAt: true,
      tags: { select: { tag: { select: { slug: true } } } },
      categories: { select: { category: { select: { slug: true } } } },
    },
  });
  if (!post) throw new Error(`post #${postId} does not exist`);
  return {
    slugs: [post.slug, ...(await neighbourSlugs(tx, { id: postId, publishedAt: post.publishedAt }))],
    tagSlugs: post.tags.map((t) => t.tag.slug),
    categorySlugs: post.categories.map((c) => c.category.slug),
  };
}

const unique = (values: string[]) => [...new Set(values)];

function merged(...all: Affected[]): Affected {
  return {
    slugs: unique(all.flatMap((a) => a.slugs)),
    tagSlugs: unique(all.flatMap((a) => a.tagSlugs)),
    categorySlugs: unique(all.flatMap((a) => a.categorySlugs)),
  };
}

/** What a revision changed against the one before it, kept so the history lists it without reading bodies. */
export function changesSince(previous: { frontMatter: Prisma.JsonValue; format: string; body: string } | null, snapshot: PostSnapshot): string[] {
  if (!previous) return [];
  const after = { frontMatter: frontMatterOf(snapshot), format: snapshot.format, body: snapshot.body };
  return changedFields({ ...previous, frontMatter: (previous.frontMatter ?? {}) as Record<string, unknown> }, after);
}

export function revisionData(snapshot: PostSnapshot, meta: RevisionMeta, changes: string[]) {
  return {
    frontMatter: frontMatterOf(snapshot) as Prisma.InputJsonObject,
    format: snapshot.format,
    body: snapshot.body,
    contentHash: contentHash(snapshot),
    sourceText: meta.sourceText ?? null,
    sourceHash: meta.sourceText == null ? null : sha256(meta.sourceText),
    authorId: meta.authorId,
    message: meta.message ?? null,
    changedFields: changes,
  };
}

const LINKS = { tag: { table: 'post_tags', column: 'tag_id' }, category: { table: 'post_categories', column: 'category_id' } } as const;

/**
 * A post's links to its terms made `ids` (in that order), touching only what changed: a term it
 * keeps keeps its row, so its post counter (kept by triggers, locked until commit) is not written,
 * and saves of different posts sharing a tag, a category or a month never wait on each other.
 */
async function relink(tx: Tx, kind: keyof typeof LINKS, postId: number, ids: number[]) {
  const { table, column } = LINKS[kind];
  await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE post_id = $1 AND ${column} <> ALL($2::int[])`, postId, ids);
  await tx.$executeRawUnsafe(
    `INSERT INTO ${table} (post_id, ${column}, position)
     SELECT $1, t.id, t.ord - 1 FROM unnest($2::int[]) WITH ORDINALITY AS t(id, ord)
     ON CONFLICT (post_id, ${column}) DO UPDATE SET position = EXCLUDED.position WHERE ${table}.position <> EXCLUDED.position`,
    postId,
    ids,
  );
}

async function relinkTerms(tx: Tx, postId: number, snapshot: PostSnapshot) {
  const tags = await ensureTermRows(tx, 'tag', snapshot.tags);
  const categories = await ensureTermRows(tx, 'category', snapshot.categories);
  await relink(tx, 'tag', postId, tags.map((t) => t.id));
  await relink(tx, 'category', postId, categories.map((c) => c.id));
  return { tagSlugs: tags.map((t) => t.slug), categorySlugs: categories.map((c) => c.slug) };
}

async function linkTerms(tx: Tx, postId: number, snapshot: PostSnapshot) {
  // One connection per transaction: sequential, not Promise.all.
  const tags = await ensureTermRows(tx, 'tag', snapshot.tags);
  const categories = await ensureTermRows(tx, 'category', snapshot.categories);
  await tx.postTag.createMany({ data: tags.map((tag, position) => ({ postId, tagId: tag.id, position })) });
  await tx.postCategory.createMany({ data: categories.map((category, position) => ({ postId, categoryId: category.id, position })) });
  return { tagSlugs: tags.map((t) => t.slug), categorySlugs: categories.map((c) => c.slug) };
}

async function assertFree(tx: Tx, snapshot: PostSnapshot, postId?: number) {
  const taken = await tx.post.findFirst({
    where: {
      id: postId ? { not: postId } : undefined,
      OR: [{ slug: snapshot.slug }, ...(snapshot.sourceId ? [{ sourceId: snapshot.sourceId }] : [])],
    },
    select: { id: true, slug: true, sourceId: true },
  });
  if (!taken) return;
  const what = taken.slug === snapshot.slug ? `网址别名“${snapshot.slug}”` : `来源编号 artid ${snapshot.sourceId}`;
  throw new DuplicatePostError(`${what}已被文章 #${taken.id} 使用`);
}

/** Creates a post and its first revision, the row with its search vector in one statement: one row version, not two. */
export async function createPost(tx: Tx, snapshot: PostSnapshot, rendered: RenderedBody, meta: RevisionMeta): Promise<SavedPost> {
  await assertFree(tx, snapshot);
  // A live post's slug outranks another post's old-slug redirect.
  await tx.slugRedirect.deleteMany({ where: { slug: snapshot.slug } });
  const [post] = await tx.$queryRaw<{ id: number }[]>(insertSql(snapshot, rendered));
  const id = post!.id;
  const terms = await linkTerms(tx, id, snapshot);
  await tx.revision.create({ data: { postId: id, number: 1, ...revisionData(snapshot, meta, []) }, select: { id: true } });
  const slugs = [snapshot.slug, ...(await neighbourSlugs(tx, { id, publishedAt: snapshot.publishedAt }))];
  return { id, version: 1, slug: snapshot.slug, affected: { slugs, ...terms } };
}

/**
 * Replaces a post with `snapshot` as revision `baseVersion + 1`, refusing with
 * EditConflictError when the post is no longer at `baseVersion`. A changed slug
 * leaves the old one behind as a redirect.
 */
export async function updatePost(tx: Tx, postId: number, baseVersion: number, snapshot: PostSnapshot, rendered: RenderedBody, meta: RevisionMeta): Promise<SavedPost> {
  const affectedBefore = await affectedBy(tx, postId);
  const beforeSlug = affectedBefore.slugs[0]!;
  const previous = await tx.revision.findUnique({ where: { postId_number: { postId, number: baseVersion } }, select: { frontMatter: true, body: true, format: true } });
  await assertFree(tx, snapshot, postId);
  const { count } = await tx.post.updateMany({
    where: { id: postId, version: baseVersion },
    data: { ...postColumns(snapshot), ...renderedColumns(rendered), version: { increment: 1 } },
  });
  if (count === 0) throw new EditConflictError(postId, baseVersion);

  const terms = await relinkTerms(tx, postId, snapshot);
  await tx.revision.create({ data: { postId, number: baseVersion + 1, ...revisionData(snapshot, meta, changesSince(previous, snapshot)) } });
  if (beforeSlug !== snapshot.slug) {
    await tx.slugRedirect.deleteMany({ where: { slug: snapshot.slug } });
    await tx.slugRedirect.upsert({ where: { slug: beforeSlug }, create: { slug: beforeSlug, postId }, update: { postId } });
  }
  await indexForSearch(tx, postId, snapshot, rendered);
  const slugs = [snapshot.slug, ...(await neighbourSlugs(tx, { id: postId, publishedAt: snapshot.publishedAt }))];
  return { id: postId, version: baseVersion + 1, slug: snapshot.slug, affected: merged(affectedBefore, { slugs, ...terms }) };
}
