import { sha256 } from '@/lib/content/hash';
import { db } from '@/lib/db';

export { sha256 };

export interface ImportedPost {
  id: number;
  slug: string;
  sourceId: string | null;
}

/**
 * Of the given SHA-256 hashes of files' texts, those that a post's newest revision
 * was imported from: such a file would change nothing, so a re-import skips it
 * unread. One index lookup per hash (revisions.source_hash), whatever the size of
 * the database.
 */
export async function importedSourceHashes(hashes: string[]): Promise<Map<string, ImportedPost>> {
  if (!hashes.length) return new Map();
  const rows = await db.$queryRaw<(ImportedPost & { hash: string })[]>`
    SELECT p.id, p.slug, p.source_id AS "sourceId", r.source_hash AS hash
    FROM revisions r JOIN posts p ON p.id = r.post_id AND p.version = r.number
    WHERE r.source_hash = ANY(${[...new Set(hashes)]}::text[])`;
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
