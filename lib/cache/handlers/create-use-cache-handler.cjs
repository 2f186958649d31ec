'use strict';
/**
 * A 'use cache' handler written against Next's documented `cacheHandlers`
 * interface (get, set, refreshTags, getExpiration, updateTags): entries in this
 * process's memory, least recently used dropped past a byte bound, tag expiries
 * from the process's tag state (tag-state.cjs), which Postgres keeps in step
 * across instances (tag-listener.cjs).
 */
const { LRUCache } = require('lru-cache');

/** Next's own default for its in-memory caches (cacheMaxMemorySize). */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** What an entry costs besides its value: its metadata and tags, roughly. */
const ENTRY_OVERHEAD = 256;

function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/**
 * @param {import('../tag-state.cjs').TagState} state
 * @param {{ maxBytes?: number, log?: (message: string) => void }} [options]
 * @returns {import('next/cache').CacheHandler}
 */
function createUseCacheHandler(state, { maxBytes = DEFAULT_MAX_BYTES, log = console.error } = {}) {
  const entries = new LRUCache({
    maxSize: maxBytes,
    sizeCalculation: (entry, key) => entry.value.byteLength + key.length + ENTRY_OVERHEAD,
  });
  /** Sets still reading their value: a get of the same key waits for them. */
  const pending = new Map();

  // Entries of an expired tag are dropped at once, not when next asked for: the byte bound counts live entries.
  state.subscribe(() => {
    for (const [key, entry] of entries.entries()) {
      if (state.isExpired(entry.tags, entry.timestamp)) entries.delete(key);
    }
  });

  return {
    async get(cacheKey) {
      await pending.get(cacheKey);
      const entry = entries.get(cacheKey);
      if (!entry) return undefined;
      // Soft tags are Next's to check, through getExpiration; our own tags are checked here.
      if (state.isExpired(entry.tags, entry.timestamp)) {
        entries.delete(cacheKey);
        return undefined;
      }
      return { ...entry, value: streamOf(entry.value) };
    },

    async set(cacheKey, pendingEntry) {
      let done;
      const setting = new Promise((resolve) => (done = resolve));
      pending.set(cacheKey, setting);
      try {
        const entry = await pendingEntry;
        // The stream is single-use and holds its request: keep its bytes, never the stream.
        const value = new Uint8Array(await new Response(entry.value).arrayBuffer());
        entries.set(cacheKey, { tags: entry.tags, stale: entry.stale, timestamp: entry.timestamp, expire: entry.expire, revalidate: entry.revalidate, value });
      } catch (error) {
        // An interrupted value would make an incomplete page: keep nothing.
        log(`[cache] not kept: ${cacheKey.slice(0, 80)} (${error instanceof Error ? error.message : String(error)})`);
      } finally {
        if (pending.get(cacheKey) === setting) pending.delete(cacheKey);
        done();
      }
    },

    // Other instances' expiries are pushed to the tag state as they happen: nothing to fetch per request.
    async refreshTags() {},

    async getExpiration(tags) {
      return state.expiration(tags);
    },

    // Next calls this for a revalidateTag in this process (lib/cache/revalidate.ts, which also tells Postgres).
    async updateTags(tags) {
      state.expire(tags);
    },
  };
}

module.exports = { createUseCacheHandler, DEFAULT_MAX_BYTES };
