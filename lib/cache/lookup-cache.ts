import { invalidationVersion } from './generation';

interface Loaded {
  map: Map<string, string>;
  version: number;
}

/**
 * A whole small table held in memory (on globalThis, so the proxy and route
 * handlers of one process share it): no query per request in steady state.
 * Reloaded after any cache-tag expiry, here or on another instance (the
 * writes that change these tables all expire tags).
 */
export function createLookupCache(name: string, load: () => Promise<[string, string][]>) {
  const key = Symbol.for(`inkwell.lookup.${name}`);
  const holder = globalThis as unknown as Record<symbol, Loaded | Promise<Loaded> | undefined>;

  async function get(k: string): Promise<string | null> {
    let entry = holder[key];
    if (!entry || ('version' in entry && entry.version !== invalidationVersion())) {
      const version = invalidationVersion();
      entry = holder[key] = load().then(
        (rows) => (holder[key] = { map: new Map(rows), version }),
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
