import { frontMatterOf } from '@/lib/content/front-matter';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import type { RenderedBody } from '@/lib/render/render';
import { segmentForIndex } from '@/lib/search/segment';
import type { PostSnapshot } from '@/lib/validations/post';
import { DuplicatePostError, EditConflictError } from './errors';
import { contentHash, postColumns } from './snapshot';
import { PUBLIC_POST_SQL } from './visibility';
import { ensureTermRows } from './terms';

type Tx = Prisma.TransactionClient;

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
  /** What public pages the save touched: slugs of the post (old and new), its tags and categories (before and after). */
  affected: { slugs: string[]; tagSlugs: string[]; categorySlugs: string[] };
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

/** Words segmented in the app (Intl.Segmenter) so Postgres' 'simple' parser indexes CJK text word by word. */
export async function indexForSearch(tx: Tx, postId: number, snapshot: PostSnapshot, text: string) {
  await tx.$executeRaw`UPDATE posts SET search_vector = ${searchVectorSql(snapshot, text)} WHERE id = ${postId}`;
}

/** Slugs of the public posts either side of this one: their pages link to it. */
async function neighbourSlugs(tx: Tx, postId: number): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ slug: string }[]>(
    `WITH me AS (SELECT published_at, id FROM posts WHERE id = $1)
     (SELECT p.slug FROM posts p, me WHERE ${PUBLIC_POST_SQL} AND (p.published_at, p.id) < (me.published_at, me.id)
      ORDER BY p.published_at DESC, p.id DESC LIMIT 1)
     UNION ALL
     (SELECT p.slug FROM posts p, me WHERE ${PUBLIC_POST_SQL} AND (p.published_at, p.id) > (me.published_at, me.id)
      ORDER BY p.published_at ASC, p.id ASC LIMIT 1)`,
    postId,
  );
  return rows.map((r) => r.slug);
}

async function termSlugs(tx: Tx, postId: number) {
  const [tags, categories] = [
    await tx.postTag.findMany({ where: { postId }, select: { tag: { select: { slug: true } } } }),
    await tx.postCategory.findMany({ where: { postId }, select: { category: { select: { slug: true } } } }),
  ];
  return { tagSlugs: tags.map((t) => t.tag.slug), categorySlugs: categories.map((c) => c.category.slug) };
}

function revisionData(snapshot: PostSnapshot, meta: RevisionMeta) {
  return {
    frontMatter: frontMatterOf(snapshot) as Prisma.InputJsonObject,
    format: snapshot.format,
    body: snapshot.body,
    contentHash: contentHash(snapshot),
    sourceText: meta.sourceText ?? null,
    authorId: meta.authorId,
    message: meta.message ?? null,
  };
}

async function termLinks(tx: Tx, snapshot: PostSnapshot) {
  // One connection per transaction: sequential, not Promise.all.
  const tags = await ensureTermRows(tx, 'tag', snapshot.tags);
  const categories = await ensureTermRows(tx, 'category', snapshot.categories);
  return {
    tags: tags.map((tag, position) => ({ tagId: tag.id, position })),
    categories: categories.map((category, position) => ({ categoryId: category.id, position })),
    slugs: { tagSlugs: tags.map((t) => t.slug), categorySlugs: categories.map((c) => c.slug) },
  };
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
  const what = taken.slug === snapshot.slug ? `slug "${snapshot.slug}"` : `artid ${snapshot.sourceId}`;
  throw new DuplicatePostError(`${what} is already used by post #${taken.id}`);
}

/** The search_vector expression for a post (see indexForSearch). */
function searchVectorSql(snapshot: PostSnapshot, text: string) {
  const title = segmentForIndex(snapshot.title);
  const meta = segmentForIndex([snapshot.description, snapshot.keywords, ...snapshot.tags, ...snapshot.categories].filter(Boolean).join(' '));
  return Prisma.sql`setweight(to_tsvector('simple', ${title}), 'A') ||
      setweight(to_tsvector('simple', ${meta}), 'B') ||
      setweight(to_tsvector('simple', ${segmentForIndex(text)}), 'C')`;
}

/**
 * Creates a post and its first revision. Run inside a transaction. The row is
 * inserted with its search vector in one statement: one row version, not two.
 */
export async function createPost(tx: Tx, snapshot: PostSnapshot, rendered: RenderedBody, meta: RevisionMeta): Promise<SavedPost> {
  await assertFree(tx, snapshot);
  const links = await termLinks(tx, snapshot);
  // A live post's slug outranks another post's old-slug redirect.
  await tx.slugRedirect.deleteMany({ where: { slug: snapshot.slug } });
  const c = postColumns(snapshot);
  const r = renderedColumns(rendered);
  const [post] = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO posts (slug, title, description, keywords, published_at, utc_offset, status, format, body, source_id, source_url,
      cover_image, cover_alt, featured_image, featured_image_preview, extra, version, updated_at,
      html, toc, search_text, reading_minutes, render_hash, search_vector)
    VALUES (${c.slug}, ${c.title}, ${c.description}, ${c.keywords}, ${c.publishedAt}, ${c.utcOffset}, ${c.status}::"PostStatus",
      ${c.format}::"BodyFormat", ${c.body}, ${c.sourceId}, ${c.sourceUrl}, ${c.coverImage}, ${c.coverAlt}, ${c.featuredImage},
      ${c.featuredImagePreview}, ${JSON.stringify(c.extra)}::jsonb, 1, now(),
      ${r.html}, ${JSON.stringify(r.toc)}::jsonb, ${r.searchText}, ${r.readingMinutes}, ${r.renderHash},
      ${searchVectorSql(snapshot, rendered.text)})
    RETURNING id`;
  const id = post!.id;
  if (links.tags.length) await tx.postTag.createMany({ data: links.tags.map((l) => ({ ...l, postId: id })) });
  if (links.categories.length) await tx.postCategory.createMany({ data: links.categories.map((l) => ({ ...l, postId: id })) });
  await tx.revision.create({ data: { postId: id, number: 1, ...revisionData(snapshot, meta) }, select: { id: true } });
  return { id, version: 1, slug: snapshot.slug, affected: { slugs: [snapshot.slug, ...(await neighbourSlugs(tx, id))], ...links.slugs } };
}

/**
 * Replaces a post with `snapshot` as revision `baseVersion + 1`, refusing with
 * EditConflictError when the post is no longer at `baseVersion`. A changed slug
 * leaves the old one behind as a redirect. Run inside a transaction.
 */
export async function updatePost(
  tx: Tx,
  postId: number,
  baseVersion: number,
  snapshot: PostSnapshot,
  rendered: RenderedBody,
  meta: RevisionMeta,
): Promise<SavedPost> {
  const before = await tx.post.findUnique({ where: { id: postId }, select: { slug: true } });
  if (!before) throw new Error(`post #${postId} does not exist`);
  const termsBefore = await termSlugs(tx, postId);
  const neighboursBefore = await neighbourSlugs(tx, postId);
  await assertFree(tx, snapshot, postId);
  const { count } = await tx.post.updateMany({
    where: { id: postId, version: baseVersion },
    data: { ...postColumns(snapshot), ...renderedColumns(rendered), version: { increment: 1 } },
  });
  if (count === 0) throw new EditConflictError(postId, baseVersion);

  const links = await termLinks(tx, snapshot);
  await tx.postTag.deleteMany({ where: { postId } });
  await tx.postCategory.deleteMany({ where: { postId } });
  await tx.postTag.createMany({ data: links.tags.map((l) => ({ ...l, postId })) });
  await tx.postCategory.createMany({ data: links.categories.map((l) => ({ ...l, postId })) });
  await tx.revision.create({ data: { postId, number: baseVersion + 1, ...revisionData(snapshot, meta) } });

  if (before.slug !== snapshot.slug) {
    await tx.slugRedirect.deleteMany({ where: { slug: snapshot.slug } });
    await tx.slugRedirect.upsert({
      where: { slug: before.slug },
      create: { slug: before.slug, postId },
      update: { postId },
    });
  }
  await indexForSearch(tx, postId, snapshot, rendered.text);
  // The links just written: no need to read them back.
  const termsAfter = links.slugs;
  const unique = (values: string[]) => [...new Set(values)];
  return {
    id: postId,
    version: baseVersion + 1,
    slug: snapshot.slug,
    affected: {
      slugs: unique([before.slug, snapshot.slug, ...neighboursBefore, ...(await neighbourSlugs(tx, postId))]),
      tagSlugs: unique([...termsBefore.tagSlugs, ...termsAfter.tagSlugs]),
      categorySlugs: unique([...termsBefore.categorySlugs, ...termsAfter.categorySlugs]),
    },
  };
}
