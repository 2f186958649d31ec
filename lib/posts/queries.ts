import { db } from '@/lib/db';
import { postWithTermsInclude, type PostWithTerms } from './snapshot';

const EXPORT_BATCH = 200;

/** Every post with its terms, in id order, fetched in batches so a large site streams. */
export async function* listPostsForExport(options: { includeTrashed?: boolean } = {}): AsyncGenerator<PostWithTerms> {
  let cursor = 0;
  for (;;) {
    const batch = await db.post.findMany({
      where: { id: { gt: cursor }, ...(options.includeTrashed ? {} : { deletedAt: null }) },
      include: postWithTermsInclude,
      orderBy: { id: 'asc' },
      take: EXPORT_BATCH,
    });
    yield* batch;
    if (batch.length < EXPORT_BATCH) return;
    cursor = batch[batch.length - 1]!.id;
  }
}
