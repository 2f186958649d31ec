import { CacheTags } from '@/lib/cache-tags';
import { noteRevalidation } from './generation';
import { notifyRunningServer } from './server-registry';

export interface Affected {
  slugs: string[];
  tagSlugs: string[];
  categorySlugs: string[];
}

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

/**
 * Expires the given cache tags so the next request renders fresh pages. Inside
 * the Next.js server this is direct (and reaches the other instances through the
 * shared cache handler when REDIS_URL is set). From a CLI it records the tags in
 * Redis for every instance, or else asks the running server (if any) through
 * POST /api/revalidate. Returns a warning when the servers could not be told.
 */
export async function revalidatePublic(tags: string[]): Promise<string | null> {
  if (!tags.length) return null;
  if (process.env.NEXT_RUNTIME) {
    const { revalidatePath, revalidateTag } = await import('next/cache');
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
    // The whole site: also the pages without data prerendered at build, so they render
    // again with this server's CSP render nonce (lib/security/csp.ts).
    if (tags.includes(CacheTags.site)) revalidatePath('/', 'layout');
    // The web server's response cache and the proxy's lookup tables follow this generation.
    noteRevalidation();
    return null;
  }
  if (process.env.REDIS_URL) return publishToInstances(tags);
  return notifyRunningServer(tags);
}

async function publishToInstances(tags: string[]): Promise<string | null> {
  const { sharedTags } = await import('./handlers/shared-tags.cjs');
  const shared = sharedTags()!;
  try {
    const sent = await shared.update(tags, { expire: 0 });
    return sent ? null : 'Redis (REDIS_URL) could not be reached, so the running servers still show the old pages; run the command again once it is back';
  } finally {
    await shared.close();
  }
}
