import { createHash } from 'node:crypto';
import { db } from '@/lib/db';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface ImportedPost {
  id: number;
  slug: string;
  sourceId: string | null;
}

/**
 * Posts whose newest revision is an import, by the SHA-256 of the file it read:
 * a file with the same text would change nothing, so a re-import skips it unread.
 */
export async function importedSourceHashes(): Promise<Map<string, ImportedPost>> {
  const rows = await db.$queryRaw<(ImportedPost & { hash: string })[]>`
    SELECT p.id, p.slug, p.source_id AS "sourceId", encode(sha256(convert_to(r.source_text, 'UTF8')), 'hex') AS hash
    FROM posts p JOIN revisions r ON r.post_id = p.id AND r.number = p.version
    WHERE r.source_text IS NOT NULL`;
  const byHash = new Map<string, ImportedPost>();
  // Two posts from one text (possible only through edits of the slug) are left to the full check.
  const seen = new Set<string>();
  for (const { hash, ...post } of rows) {
    if (seen.has(hash)) byHash.delete(hash);
    else byHash.set(hash, post);
    seen.add(hash);
  }
  return byHash;
}
