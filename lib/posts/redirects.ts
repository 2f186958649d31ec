import { db } from '@/lib/db';
import { PUBLIC_POST_SQL } from './visibility';

interface RedirectCache {
  targets: Map<string, string>;
  loadedAt: number;
}

// Old slugs are few and change only on writes, which clear this; the age limit
// bounds staleness when another instance made the write.
const MAX_AGE_MS = 60_000;
const KEY = Symbol.for('inkwell.redirects');
const holder = globalThis as unknown as { [KEY]?: RedirectCache | Promise<RedirectCache> };

async function load(): Promise<RedirectCache> {
  const rows = await db.$queryRawUnsafe<{ slug: string; target: string }[]>(
    `SELECT r.slug, p.slug AS target FROM slug_redirects r JOIN posts p ON p.id = r.post_id WHERE ${PUBLIC_POST_SQL}`,
  );
  return { targets: new Map(rows.map((r) => [r.slug, r.target])), loadedAt: Date.now() };
}

/** The current slug an old slug points to, if its post is public. No query in steady state. */
export async function findRedirect(slug: string): Promise<string | null> {
  let cache = holder[KEY];
  if (!cache || ('loadedAt' in cache && Date.now() - cache.loadedAt > MAX_AGE_MS)) {
    cache = holder[KEY] = load().then(
      (loaded) => (holder[KEY] = loaded),
      (error) => {
        holder[KEY] = undefined;
        throw error;
      },
    );
  }
  return (await cache).targets.get(slug) ?? null;
}

export function clearRedirectCache(): void {
  holder[KEY] = undefined;
}
