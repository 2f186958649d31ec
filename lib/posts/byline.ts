import type { Prisma } from '@/lib/generated/prisma/client.ts';

/** Who wrote a post: the display name of its first revision's author (imports have none). */
export const bylineSelect = {
  revisions: { where: { number: 1 }, take: 1, select: { author: { select: { name: true } } } },
} satisfies Prisma.PostSelect;

export function bylineOf(row: { revisions: { author: { name: string | null } | null }[] }): string | null {
  return row.revisions[0]?.author?.name?.trim() || null;
}
