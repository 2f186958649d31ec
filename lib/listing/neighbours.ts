import type { Prisma } from '@/lib/generated/prisma/client.ts';
import { publicPostWhere } from './visibility';

export interface NeighbourLink {
  slug: string;
  title: string;
}

export interface Neighbours {
  newer: NeighbourLink | null;
  older: NeighbourLink | null;
}

/**
 * The published posts just before and after a date and id, in the public order.
 * The one neighbours query: article pages link to them, and a write refreshes
 * their pages (inside its transaction, hence the reader).
 */
export async function findNeighbours(reader: Pick<Prisma.TransactionClient, 'post'>, post: { id: number; publishedAt: Date }): Promise<Neighbours> {
  const select = { slug: true, title: true } as const;
  const at = post.publishedAt;
  // Sequential: inside a transaction there is one connection.
  const older = await reader.post.findFirst({
    where: { ...publicPostWhere(), AND: [{ publishedAt: { lte: at } }], OR: [{ publishedAt: { lt: at } }, { publishedAt: at, id: { lt: post.id } }] },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    select,
  });
  const newer = await reader.post.findFirst({
    where: { ...publicPostWhere(), AND: [{ publishedAt: { gte: at } }], OR: [{ publishedAt: { gt: at } }, { publishedAt: at, id: { gt: post.id } }] },
    orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
    select,
  });
  return { newer, older };
}
