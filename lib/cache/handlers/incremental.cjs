'use strict';
/**
 * The route cache (prerendered pages and route handlers) when REDIS_URL is set:
 * Next's own file-system cache with its in-memory layer, which also treats an
 * entry as gone once a tag it carries was revalidated on any instance.
 * Publishing is left to the 'use cache' handler (use-cache.cjs): Next calls both
 * for every revalidateTag, and one message per edit is enough.
 */
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default;
const { sharedTags } = require('./shared-tags.cjs');

const TAGS_HEADER = 'x-next-cache-tags';

function tagsOf(data, ctx) {
  const header = data.value?.headers?.[TAGS_HEADER];
  if (typeof header === 'string') return header.split(',');
  return [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
}

module.exports = class SharedTagsCache extends FileSystemCache {
  async get(key, ctx) {
    const data = await super.get(key, ctx);
    const shared = sharedTags();
    if (!data || !shared) return data;
    return shared.isExpired(tagsOf(data, ctx), data.lastModified) ? null : data;
  }
};
