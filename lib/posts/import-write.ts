import { db } from '@/lib/db';
import type { RenderedBody } from '@/lib/render/render';
import type { PostSnapshot } from '@/lib/validations/post';
import { createPostsInBulk } from './import-bulk';
import { createPost, updatePost, type RevisionMeta, type SavedPost, type Tx } from './mutations';

/** One imported file's post, compiled, with the post it replaces (at the version the import saw) or null for a new one. */
export interface ImportedPostWrite {
  snapshot: PostSnapshot;
  existing: { id: number; version: number } | null;
  rendered: RenderedBody;
  meta: RevisionMeta;
}

export type ImportWriteOutcome = { saved: SavedPost } | { error: unknown };

/** New posts in a few statements, behind a savepoint; null, with nothing written, when any of them must be written alone. */
async function createInBulk(tx: Tx, entries: ImportedPostWrite[]): Promise<SavedPost[] | null> {
  await tx.$executeRawUnsafe('SAVEPOINT import_bulk');
  try {
    const saved = await createPostsInBulk(tx, entries);
    await tx.$executeRawUnsafe('RELEASE SAVEPOINT import_bulk');
    return saved;
  } catch {
    // Written one by one, each post's own error (a taken slug, a broken term) is reported for that post alone.
    await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_bulk');
    return null;
  }
}

/**
 * Writes imported posts in one transaction (one commit instead of one per post):
 * updates one by one, then the new posts together (lib/posts/import-bulk.ts), or
 * one by one when that fails. A post written on its own in a batch is behind a
 * savepoint: one that fails is rolled back alone and answered with its error, for
 * the importer to try again on its own. If the transaction itself fails, every
 * post is answered with that error. Revalidation is the importer's last step,
 * through revalidatePosts (write.ts), once for the run.
 */
export async function writeImportedPosts(entries: ImportedPostWrite[]): Promise<ImportWriteOutcome[]> {
  if (!entries.length) return [];
  const savepoints = entries.length > 1;
  const fresh = entries.flatMap((entry, i) => (entry.existing ? [] : [i]));
  const bulk = fresh.length >= 2 ? fresh : [];
  try {
    return await db.$transaction(
      async (tx) => {
        const outcomes: ImportWriteOutcome[] = new Array(entries.length);
        const writeAlone = async (i: number) => {
          const { snapshot, existing, rendered, meta } = entries[i]!;
          if (savepoints) await tx.$executeRawUnsafe('SAVEPOINT import_post');
          try {
            const saved = existing ? await updatePost(tx, existing.id, existing.version, snapshot, rendered, meta) : await createPost(tx, snapshot, rendered, meta);
            if (savepoints) await tx.$executeRawUnsafe('RELEASE SAVEPOINT import_post');
            outcomes[i] = { saved };
          } catch (error) {
            // Alone, the failed post fails the transaction; in a batch, only its savepoint.
            if (!savepoints) throw error;
            await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_post');
            outcomes[i] = { error };
          }
        };
        for (const i of entries.keys()) if (!bulk.includes(i)) await writeAlone(i);
        if (bulk.length) {
          const saved = await createInBulk(tx, bulk.map((i) => entries[i]!));
          if (saved) bulk.forEach((i, k) => (outcomes[i] = { saved: saved[k]! }));
          else for (const i of bulk) await writeAlone(i);
        }
        return outcomes;
      },
      { timeout: savepoints ? 300_000 : 60_000, maxWait: savepoints ? 60_000 : 30_000 },
    );
  } catch (error) {
    return entries.map(() => ({ error }));
  }
}
