import { db } from '@/lib/db';
import type { RenderedBody } from '@/lib/render/render';
import type { PostSnapshot } from '@/lib/validations/post';
import { createPost, updatePost, type RevisionMeta, type SavedPost } from './mutations';

/** One imported file's post, compiled, with the post it replaces (at the version the import saw) or null for a new one. */
export interface ImportedPostWrite {
  snapshot: PostSnapshot;
  existing: { id: number; version: number } | null;
  rendered: RenderedBody;
  meta: RevisionMeta;
}

export type ImportWriteOutcome = { saved: SavedPost } | { error: unknown };

/**
 * Writes imported posts in one transaction (one commit instead of one per post),
 * each behind a savepoint: a post that fails is rolled back alone and answered
 * with its error, for the importer to try again on its own. If the transaction
 * itself fails, every post is answered with that error. Revalidation is the
 * importer's last step, through revalidatePosts (write.ts), once for the run.
 */
export async function writeImportedPosts(entries: ImportedPostWrite[]): Promise<ImportWriteOutcome[]> {
  if (!entries.length) return [];
  const savepoints = entries.length > 1;
  try {
    return await db.$transaction(
      async (tx) => {
        const outcomes: ImportWriteOutcome[] = [];
        for (const { snapshot, existing, rendered, meta } of entries) {
          if (savepoints) await tx.$executeRawUnsafe('SAVEPOINT import_post');
          try {
            const saved = existing ? await updatePost(tx, existing.id, existing.version, snapshot, rendered, meta) : await createPost(tx, snapshot, rendered, meta);
            if (savepoints) await tx.$executeRawUnsafe('RELEASE SAVEPOINT import_post');
            outcomes.push({ saved });
          } catch (error) {
            // Alone, the failed post fails the transaction; in a batch, only its savepoint.
            if (!savepoints) throw error;
            await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_post');
            outcomes.push({ error });
          }
        }
        return outcomes;
      },
      { timeout: savepoints ? 300_000 : 60_000, maxWait: savepoints ? 60_000 : 30_000 },
    );
  } catch (error) {
    return entries.map(() => ({ error }));
  }
}
