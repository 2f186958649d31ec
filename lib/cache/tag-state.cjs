'use strict';
/**
 * This process's cache-tag expiries: the one "invalidation state" that Next's
 * cache handlers (handlers/), the web server's response cache and the proxy's
 * lookup tables all read.
 *
 * Every expiry is stamped with this process's own clock when it is applied here
 * (written here, or heard from Postgres through tag-listener.cjs), and compared
 * with entry times taken from the same clock: another machine's clock never
 * decides whether an entry is fresh.
 *
 * CommonJS on globalThis because Next loads the handlers at run time by path,
 * bundles its own copy of this file into app code, and the web server (tsx)
 * loads a third: all of them must see one state.
 */

/** The clock Next stamps cache entries with. */
const now = () => performance.timeOrigin + performance.now();

/** `site` is every public read: its expiry is a floor under every entry, tagged or not. */
const SITE = 'site';

const OUTSIDE_HEADER_CLASS = /[^\t\x20-\x7e]/;
const OUTSIDE_HEADER_RUNS = /[^\t\x20-\x7e]+/g;
/**
 * One spelling per tag. Next percent-encodes what lies outside printable ASCII in
 * every tag it hands a cache handler (so `tag:端到端` arrives as `tag:%E7%AB%AF…`);
 * a tag recorded as written must meet it in that form. Idempotent.
 */
function canonicalTag(tag) {
  return OUTSIDE_HEADER_CLASS.test(tag) ? tag.replace(OUTSIDE_HEADER_RUNS, encodeURIComponent) : tag;
}

function createTagState() {
  /** tag → when it was last expired here (ms, this process's clock). */
  const expiredAt = new Map();
  const subscribers = new Set();
  let floor = 0;
  let version = 0;

  function changed(tags) {
    version += 1;
    for (const subscriber of subscribers) subscriber(tags);
  }

  /** The latest expiry among these tags (and the floor), 0 when none. */
  function expiration(tags) {
    let latest = floor;
    for (const tag of tags) {
      const at = expiredAt.get(canonicalTag(tag));
      if (at !== undefined && at > latest) latest = at;
    }
    return latest;
  }

  return {
    /** Expires these tags as of now: whatever was cached before this moment is out of date. */
    expire(tags) {
      if (!tags.length) return;
      const at = now();
      for (const tag of tags) {
        if (tag === SITE) floor = at;
        else expiredAt.set(canonicalTag(tag), at);
      }
      changed(tags);
    },
    /** Everything cached before now is out of date (a first connection, or too much missed to replay). */
    expireAll() {
      floor = now();
      changed([SITE]);
    },
    /** The latest expiry among these tags (and the floor), 0 when none: Next's `getExpiration`. */
    expiration,
    /** True when an entry made at `timestamp` carrying these tags was made before one of them expired. */
    isExpired(tags, timestamp) {
      return timestamp <= expiration(tags);
    },
    /** Grows by one on every expiry applied in this process. */
    version: () => version,
    /** Calls `listener(tags)` after every expiry; returns the unsubscribe function. */
    subscribe(listener) {
      subscribers.add(listener);
      return () => subscribers.delete(listener);
    },
  };
}

const KEY = Symbol.for('inkwell.cacheTagState');

/** The process's one state. */
function tagState() {
  globalThis[KEY] ??= createTagState();
  return globalThis[KEY];
}

/** Increases whenever any cache tag expires in this process: caches outside Next compare it with the one they stored. */
function invalidationVersion() {
  return tagState().version();
}

module.exports = { createTagState, tagState, invalidationVersion, now, canonicalTag };
