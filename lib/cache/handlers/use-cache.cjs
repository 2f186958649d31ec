'use strict';
/**
 * The 'use cache' handler when REDIS_URL is set: Next's own in-memory store for
 * entries, with tag expiries shared between instances (shared-tags.cjs). Next
 * calls updateTags on every revalidateTag, so this is where an edit leaves the
 * instance for Redis.
 */
const { createDefaultCacheHandler } = require('next/dist/server/lib/cache-handlers/default');
const { sharedTags } = require('./shared-tags.cjs');

// Next's default size for its in-memory caches (cacheMaxMemorySize).
const local = createDefaultCacheHandler(50 * 1024 * 1024);
const shared = sharedTags();

module.exports = {
  async get(cacheKey, softTags) {
    const entry = await local.get(cacheKey, softTags);
    if (!entry || !shared) return entry;
    if (shared.isExpired(entry.tags, entry.timestamp)) {
      await entry.value.cancel();
      return undefined;
    }
    return shared.isStale(entry.tags, entry.timestamp) ? { ...entry, revalidate: -1 } : entry;
  },
  set: (cacheKey, pendingEntry) => local.set(cacheKey, pendingEntry),
  // Other instances' updates are pushed to us as they happen: nothing to fetch per request.
  refreshTags: () => local.refreshTags(),
  async getExpiration(tags) {
    return Math.max(await local.getExpiration(tags), shared ? shared.expiration(tags) : 0);
  },
  async updateTags(tags, durations) {
    await local.updateTags(tags, durations);
    await shared?.update(tags, durations);
  },
};
