/**
 * The process's invalidation version (lib/cache/tag-state.cjs), for the caches
 * outside Next: the web server's response cache and the proxy's lookup tables.
 * It grows whenever a cache tag expires here, written here or heard from
 * another instance through Postgres.
 */
export { invalidationVersion } from './tag-state.cjs';
