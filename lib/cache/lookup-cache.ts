import { revalidationGeneration } from './generation';

interface Loaded {
  map: Map<string, string>;
  loadedAt: number;
  generation: number;
}

// Entries change only on writes, which bump the revalidation generation here and, through
// the shared cache tags (REDIS_URL), on every other instance; the age limit is a backstop.
const MAX_AGE_MS = 60_000;

/**
 * A whole small table held in memory (on globalThis, so the proxy and route
 * handlers of one process share it): no query per request in steady state.
 */
export function createLookupCache(name: string, load: () => Promise<[string, string][]>) {
  const key = Symbol.for(`inkwell.lookup.${name}`);
  const holder = globalThis as unknown as Record<symbol, Loaded | Promise<Loaded> | undefined>;

  async function get(k: string): Promise<string | null> {
    let entry = holder[key];
    if (!entry || ('loadedAt' in entry && (Date.now() - entry.loadedAt > MAX_AGE_MS || entry.generation !== revalidationGeneration()))) {
      const generation = revalidationGeneration();
      entry = holder[key] = load().then(
        (rows) => (holder[key] = { map: new Map(rows), loadedAt: Date.now(), generation }),
        (error: unknown) => {
          holder[key] = undefined;
          throw error;
        },
      );
    }
    return (await entry).map.get(k) ?? null;
  }

  return { get };
}
