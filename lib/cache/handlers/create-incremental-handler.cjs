'use strict';
/**
 * Next's route cache (rendered pages and route handlers such as /feed.xml),
 * written against the documented `cacheHandler` interface (get, set,
 * revalidateTag, resetRequestCache): entries in this process's memory, least
 * recently used dropped past a byte bound, an entry gone once a tag it carries
 * (its `x-next-cache-tags`) expired in the process's tag state (tag-state.cjs).
 *
 * Nothing is read from the build's output: a page prerendered by `next build`
 * (which reads no database) is rendered again on its first request.
 */
const { LRUCache } = require('lru-cache');
const { now } = require('../tag-state.cjs');
const { DEFAULT_MAX_BYTES } = require('./create-use-cache-handler.cjs');

const TAGS_HEADER = 'x-next-cache-tags';
/** A miss older than this did not lead to the entry being set now. */
const MAX_RENDER_MS = 60_000;

/** Past Latin-1, V8 keeps every character of a string in two bytes: a Chinese page costs twice its length. */
const TWO_BYTE = /[^\u0000-\u00ff]/;

/** A value's size in memory, roughly: its strings and bytes, wherever Next keeps them. */
function approximateBytes(value, depth = 0) {
  if (value == null || depth > 6) return 0;
  if (typeof value === 'string') return TWO_BYTE.test(value) ? value.length * 2 : value.length;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value !== 'object') return 8;
  const items = value instanceof Map ? [...value.entries()].flat() : Array.isArray(value) ? value : Object.entries(value).flat();
  return items.reduce((sum, item) => sum + approximateBytes(item, depth + 1), 16);
}

function tagsOf(value, ctx) {
  const header = value && value.headers ? value.headers[TAGS_HEADER] : undefined;
  const tags = typeof header === 'string' ? header.split(',') : [];
  return [...tags, ...((ctx && ctx.tags) || []), ...((ctx && ctx.softTags) || [])];
}

/** An answer about the request rather than the content (405 to a POST, say) is never kept for later readers. */
function isContent(value) {
  return !value || typeof value.status !== 'number' || value.status < 400 || value.status === 404;
}

/**
 * @param {import('../tag-state.cjs').TagState} state
 * @param {{ maxBytes?: number }} [options]
 */
function createIncrementalHandler(state, { maxBytes = DEFAULT_MAX_BYTES } = {}) {
  const entries = new LRUCache({ maxSize: maxBytes, sizeCalculation: (entry, key) => entry.size + key.length });
  /** When a key was first missed, so an entry rendered across an expiry counts from before it. */
  const missedAt = new LRUCache({ max: 10_000, ttl: MAX_RENDER_MS });

  state.subscribe(() => {
    for (const [key, entry] of entries.entries()) {
      if (state.isExpired(entry.tags, entry.lastModified)) entries.delete(key);
    }
  });

  // Next makes one instance per request; the entries are the module's.
  return class IncrementalHandler {
    async get(key) {
      const entry = entries.get(key);
      if (entry && !state.isExpired(entry.tags, entry.lastModified)) {
        return { lastModified: entry.lastModified, value: entry.value, ...(entry.cacheControl ? { cacheControl: entry.cacheControl } : {}) };
      }
      if (entry) entries.delete(key);
      if (!missedAt.has(key)) missedAt.set(key, now());
      return null;
    }

    async set(key, data, ctx) {
      const renderedFrom = missedAt.get(key) ?? now();
      missedAt.delete(key);
      if (!isContent(data)) {
        entries.delete(key);
        return;
      }
      entries.set(key, {
        value: data,
        tags: tagsOf(data, ctx),
        lastModified: renderedFrom,
        cacheControl: ctx && ctx.cacheControl,
        size: approximateBytes(data) + 256,
      });
    }

    // Next calls this for a revalidateTag in this process (lib/cache/revalidate.ts, which also tells Postgres).
    async revalidateTag(tags) {
      state.expire(Array.isArray(tags) ? tags : [tags]);
    }

    resetRequestCache() {}
  };
}

module.exports = { createIncrementalHandler, approximateBytes };
