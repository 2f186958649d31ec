/**
 * The process's invalidation version (lib/cache/tag-state.cjs), for the caches
 * outside Next: the kept 404 page and the proxy's lookup tables here, and the
 * response cache on the web server's thread (lib/server/front-thread.ts sends it there).
 * It grows whenever a cache tag expires here, written here or heard from
 * another instance through Postgres.
 */
export { invalidationVersion } from './tag-state.cjs';
