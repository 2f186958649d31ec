import { CacheTags } from '@/lib/cache-tags';
import { db } from '@/lib/db';
import { tagState } from './tag-state.cjs';

export interface Affected {
  slugs: string[];
  tagSlugs: string[];
  categorySlugs: string[];
}

/** More tags than this in one write (a large import) expire the whole site instead. */
const MAX_TAGS = 1_000;

/** The cache tags of every public page a save touched: its article (old and new slug), neighbours, terms, lists. */
export function tagsFor(affected: Affected[]): string[] {
  const tags = new Set<string>([CacheTags.postLists, CacheTags.terms]);
  for (const a of affected) {
    a.slugs.forEach((s) => tags.add(CacheTags.post(s)));
    a.tagSlugs.forEach((s) => tags.add(CacheTags.tag(s)));
    a.categorySlugs.forEach((s) => tags.add(CacheTags.category(s)));
  }
  return [...tags];
}

/** Inside a request to Next: its own bookkeeping (a server action's answer tells the browser's router to refetch). */
async function expireInRequest(tags: string[]): Promise<void> {
  if (!process.env.NEXT_RUNTIME) return;
  const { revalidateTag } = await import('next/cache');
  try {
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
  } catch {
    // Outside a request (the scheduler, the boot): nothing of Next's to update; the handlers read the tag state.
  }
}

/**
 * Expires cache tags on every instance: the one call every writer makes (an admin
 * save, a CLI import, the scheduler, a tag merge). This process's caches drop the
 * tags at once; the tags are recorded in Postgres (`expire_cache_tags`), whose
 * NOTIFY reaches every other instance (lib/cache/tag-listener.cjs). Returns a
 * warning when Postgres could not record them.
 */
export async function revalidatePublic(tags: string[]): Promise<string | null> {
  if (!tags.length) return null;
  const recorded = tags.length > MAX_TAGS ? [CacheTags.site] : tags;
  tagState().expire(recorded);
  await expireInRequest(recorded);
  try {
    await db.$queryRaw`SELECT expire_cache_tags(${recorded}::text[])`;
    return null;
  } catch (error) {
    return `other instances could not be told to refresh their pages (${(error as Error).message}); save again, or run the command again, once Postgres answers`;
  }
}
