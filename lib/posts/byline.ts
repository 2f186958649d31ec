import type { Prisma } from '@/lib/generated/prisma/client.ts';

/** What the byline is made of: the file's own `author` field, and the first editor who wrote the post (imports have none). */
export const bylineSelect = {
  extra: true,
  revisions: { where: { authorId: { not: null } }, orderBy: { number: 'asc' }, take: 1, select: { author: { select: { name: true } } } },
} satisfies Prisma.PostSelect;

type BylineRow = { extra: unknown; revisions: { author: { name: string | null } | null }[] };

/** The byline: the front matter's `author`, else the display name of the editor who wrote it, else none. */
export function bylineOf(row: BylineRow): string | null {
  const field = (row.extra as Record<string, unknown> | null)?.author;
  return (typeof field === 'string' && field.trim()) || row.revisions[0]?.author?.name?.trim() || null;
}
