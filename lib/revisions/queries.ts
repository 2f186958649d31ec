import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client.ts';

type Reader = Pick<Prisma.TransactionClient, '$queryRaw'>;

export interface LatestRevision {
  number: number;
  contentHash: string;
  authorId: number | null;
  authorEmail: string | null;
  createdAt: Date;
  /** An import's revision keeps the file it read: that is what marks it an import. */
  imported: boolean;
}

/** A post's newest revision, without its body or source: the one "latest revision" query. */
export async function findLatestRevision(reader: Reader, postId: number): Promise<LatestRevision | null> {
  const [latest] = await reader.$queryRaw<LatestRevision[]>`
    SELECT r.number, r.content_hash AS "contentHash", r.author_id AS "authorId", u.email AS "authorEmail",
      r.created_at AS "createdAt", r.source_text IS NOT NULL AS imported
    FROM revisions r LEFT JOIN users u ON u.id = r.author_id
    WHERE r.post_id = ${postId} ORDER BY r.number DESC LIMIT 1`;
  return latest ?? null;
}

/** A post's revisions, newest first, as the history lists them: who, when, why and what changed; never a body. */
export function listRevisionSummaries(postId: number) {
  return db.revision.findMany({
    where: { postId },
    orderBy: { number: 'desc' },
    select: { number: true, message: true, createdAt: true, changedFields: true, author: { select: { email: true } } },
  });
}

export type RevisionSummary = Awaited<ReturnType<typeof listRevisionSummaries>>[number];

/** The contents of the two revisions a history page compares, by number. */
export async function getRevisionPair(postId: number, from: number, to: number) {
  const rows = await db.revision.findMany({
    where: { postId, number: { in: [from, to] } },
    select: { number: true, frontMatter: true, format: true, body: true },
  });
  const content = (number: number) => {
    const row = rows.find((r) => r.number === number);
    return row && { frontMatter: (row.frontMatter ?? {}) as Record<string, unknown>, format: row.format, body: row.body };
  };
  const [left, right] = [content(from), content(to)];
  return left && right ? { left, right } : null;
}
