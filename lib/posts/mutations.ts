import { frontMatterOf } from '@/lib/content/front-matter';
import type { Prisma } from '@/lib/generated/prisma/client.ts';
import type { PostSnapshot } from '@/lib/validations/post';
import { DuplicatePostError, EditConflictError } from './errors';
import { contentHash, postColumns } from './snapshot';
import { ensureTerms } from './terms';

type Tx = Prisma.TransactionClient;

export interface RevisionMeta {
  /** Null for imports. */
  authorId: number | null;
  message?: string | null;
  /** The raw file an import read. */
  sourceText?: string | null;
}

export interface SavedPost {
  id: number;
  version: number;
  slug: string;
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
  const tagIds = await ensureTerms(tx, 'tag', snapshot.tags);
  const categoryIds = await ensureTerms(tx, 'category', snapshot.categories);
  return {
    tags: tagIds.map((tagId, position) => ({ tagId, position })),
    categories: categoryIds.map((categoryId, position) => ({ categoryId, position })),
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

/** Creates a post and its first revision. Run inside a transaction. */
export async function createPost(tx: Tx, snapshot: PostSnapshot, meta: RevisionMeta): Promise<SavedPost> {
  await assertFree(tx, snapshot);
  const links = await termLinks(tx, snapshot);
  // A live post's slug outranks another post's old-slug redirect.
  await tx.slugRedirect.deleteMany({ where: { slug: snapshot.slug } });
  const post = await tx.post.create({
    data: {
      ...postColumns(snapshot),
      version: 1,
      tags: { create: links.tags },
      categories: { create: links.categories },
      revisions: { create: { number: 1, ...revisionData(snapshot, meta) } },
    },
    select: { id: true, version: true, slug: true },
  });
  return post;
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
  meta: RevisionMeta,
): Promise<SavedPost> {
  const before = await tx.post.findUnique({ where: { id: postId }, select: { slug: true } });
  if (!before) throw new Error(`post #${postId} does not exist`);
  await assertFree(tx, snapshot, postId);
  const { count } = await tx.post.updateMany({
    where: { id: postId, version: baseVersion },
    data: { ...postColumns(snapshot), version: { increment: 1 } },
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
  return { id: postId, version: baseVersion + 1, slug: snapshot.slug };
}
