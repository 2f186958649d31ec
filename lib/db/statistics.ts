import { db } from '@/lib/db';

/** The tables an import fills: posts, their revisions and terms, and the counters kept beside them. */
const IMPORT_TABLES = ['posts', 'revisions', 'tags', 'post_tags', 'categories', 'post_categories', 'tag_post_counts', 'category_post_counts', 'month_post_counts'];

/**
 * Refreshes the planner's statistics after `rows` posts were written in bulk, when autovacuum
 * would (50 rows and a tenth of the table since it last looked), but at once rather than up to a
 * minute later. Until then the planner plans for the table it last saw, often an empty one, and
 * an article's queries cost several times what they should: a crawler's walk after an import.
 */
export async function analyzeAfterBulkWrite(rows: number): Promise<void> {
  try {
    const [posts] = await db.$queryRaw<{ reltuples: number }[]>`SELECT reltuples FROM pg_class WHERE oid = 'posts'::regclass`;
    if (rows < 50 + 0.1 * Math.max(Number(posts?.reltuples ?? 0), 0)) return;
    await db.$executeRawUnsafe(`ANALYZE ${IMPORT_TABLES.join(', ')}`);
  } catch (error) {
    // What was written stands; only the plans wait for autovacuum.
    console.error(`[import] planner statistics not refreshed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
