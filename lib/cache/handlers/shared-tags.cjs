'use strict';
/**
 * Cache-tag expiries shared by every instance through Redis (REDIS_URL).
 *
 * Entries stay in each instance's own memory and disk; only "tag X was
 * revalidated" travels. Each update gets a number from one Redis counter and is
 * published on a channel; every instance keeps a local mirror and stamps the
 * expiry with its own clock when it hears of it, so clock skew between machines
 * cannot keep an entry alive. Reads never touch Redis: when Redis is down,
 * instances keep serving, and hear of other instances' updates once it is back
 * (updates they could not send are resent then).
 */
const { randomUUID } = require('node:crypto');
const Redis = require('ioredis');

const PREFIX = process.env.REDIS_PREFIX || 'inkwell:cache:';
const KEYS = { seq: `${PREFIX}seq`, tags: `${PREFIX}tags`, channel: `${PREFIX}tags-updated` };
const NO_EXPIRE = -1;
// Backstop for a message missed while the subscriber reconnected: a cheap look at the counter.
const CHECK_INTERVAL_MS = 10_000;

// Numbers the update, records it per tag and tells every instance, atomically.
const UPDATE_SCRIPT = `
local v = redis.call('INCR', KEYS[1])
local tags = cjson.decode(ARGV[3])
local record = cjson.encode({ v = v, e = tonumber(ARGV[1]) })
for _, tag in ipairs(tags) do redis.call('HSET', KEYS[2], tag, record) end
redis.call('PUBLISH', KEYS[3], cjson.encode({ v = v, e = tonumber(ARGV[1]), o = ARGV[2], tags = tags }))
return v`;

const GENERATION = Symbol.for('inkwell.revalidations');

function log(message) {
  console.error(`[shared cache tags] ${message}`);
}

function createSharedTags(url) {
  const origin = randomUUID();
  /** tag → { version, stale, expired } with stale/expired in this process's clock (ms). */
  const mirror = new Map();
  /** Updates made here that Redis has not recorded yet: tag → expire seconds. */
  const unsent = new Map();
  const state = { connected: false, version: 0 };
  const options = { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, retryStrategy: (n) => Math.min(n * 200, 2_000) };
  const client = new Redis(url, options);
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
  // The first connection is worth a short wait (a CLI writes right after start); later outages are not.
  let firstReady = new Promise((resolve) => {
    client.once('ready', resolve);
    setTimeout(resolve, options.connectTimeout).unref();
  }).then(() => (firstReady = null));

  /** An update heard now: whatever this instance cached before this moment is out of date. */
  function apply(tag, version, expireSeconds, now = Date.now()) {
    if (version > state.version) state.version = version;
    const known = mirror.get(tag);
    const expired = expireSeconds === NO_EXPIRE ? now : now + expireSeconds * 1000;
    mirror.set(tag, { version: Math.max(version, known ? known.version : 0), stale: now, expired });
    // The process's revalidation generation (lib/cache/generation.ts): the response cache and lookup tables follow it.
    globalThis[GENERATION] = (globalThis[GENERATION] ?? 0) + 1;
  }

  async function send(tags, expireSeconds) {
    const version = await client.eval(UPDATE_SCRIPT, 3, KEYS.seq, KEYS.tags, KEYS.channel, String(expireSeconds), origin, JSON.stringify(tags));
    if (version === state.version + 1) state.version = version;
    for (const tag of tags) {
      const entry = mirror.get(tag);
      if (entry && entry.version < version) entry.version = version;
    }
  }

  /** Everything recorded while we were away, then what we could not send meanwhile. */
  async function resync() {
    const seq = Number((await client.get(KEYS.seq)) ?? 0);
    if (seq < state.version) {
      // Redis lost its data (a restart without persistence): numbering starts again.
      for (const entry of mirror.values()) entry.version = 0;
      state.version = 0;
    }
    const all = await client.hgetall(KEYS.tags);
    for (const [tag, record] of Object.entries(all)) {
      const { v, e } = JSON.parse(record);
      if (v > (mirror.get(tag)?.version ?? 0)) apply(tag, v, e);
    }
    // Every update numbered up to seq was in the hash we just read.
    if (seq > state.version) state.version = seq;
    const pending = [...unsent];
    unsent.clear();
    for (const [tag, expireSeconds] of pending) await send([tag], expireSeconds);
    if (pending.length) log(`sent ${pending.length} tag update(s) made while Redis was unreachable`);
  }

  const catchUp = () => resync().catch((error) => log(`resync failed: ${error.message}`));
  client.on('ready', () => {
    if (!state.connected) log(`connected to ${new URL(url).host}`);
    state.connected = true;
    void catchUp();
  });
  // Messages published between a reconnect and the resubscription are found here.
  subscriber.on('ready', () => setTimeout(catchUp, 200).unref());
  setInterval(async () => {
    const latest = await client.get(KEYS.seq).catch(() => null);
    if (latest !== null && Number(latest) !== state.version) void catchUp();
  }, CHECK_INTERVAL_MS).unref();
  client.on('error', (error) => {
    if (state.connected) log(`Redis unreachable (${error.message}); serving from local caches, other instances' edits arrive when it is back`);
    state.connected = false;
  });
  subscriber.on('error', () => {});
  subscriber.subscribe(KEYS.channel).catch((error) => log(`subscribe failed: ${error.message}`));
  subscriber.on('message', (_channel, text) => {
    try {
      const { v, e, o, tags } = JSON.parse(text);
      if (o === origin) return;
      for (const tag of tags) apply(tag, v, e);
    } catch (error) {
      log(`bad message: ${error.message}`);
    }
  });

  return {
    state,
    /**
     * Records that tags were revalidated here and tells the other instances.
     * Never throws: with Redis down the update waits for the reconnect, and it resolves to false.
     */
    async update(tags, durations) {
      const expireSeconds = durations && durations.expire !== undefined ? durations.expire : NO_EXPIRE;
      const now = Date.now();
      for (const tag of tags) {
        const known = mirror.get(tag);
        mirror.set(tag, { version: known ? known.version : 0, stale: now, expired: expireSeconds === NO_EXPIRE ? now : now + expireSeconds * 1000 });
      }
      if (firstReady) await firstReady;
      try {
        await send(tags, expireSeconds);
        return true;
      } catch (error) {
        for (const tag of tags) unsent.set(tag, expireSeconds);
        log(`could not publish ${tags.length} tag update(s) (${error.message}); other instances stay stale until Redis is back`);
        return false;
      }
    },
    /** True when one of the tags expired after `timestamp` (ms) and that expiry has come. */
    isExpired(tags, timestamp) {
      const now = Date.now();
      return tags.some((tag) => {
        const entry = mirror.get(tag);
        return entry !== undefined && entry.expired > timestamp && entry.expired <= now;
      });
    },
    /** True when one of the tags was revalidated after `timestamp`: serve once more, refresh behind. */
    isStale(tags, timestamp) {
      return tags.some((tag) => (mirror.get(tag)?.stale ?? 0) > timestamp);
    },
    /** The latest expiry of these tags that has come, 0 when none. */
    expiration(tags) {
      const now = Date.now();
      let latest = 0;
      for (const tag of tags) {
        const expired = mirror.get(tag)?.expired ?? 0;
        if (expired <= now && expired > latest) latest = expired;
      }
      return latest;
    },
    close: () => Promise.allSettled([client.quit(), subscriber.quit()]),
  };
}

const KEY = Symbol.for('inkwell.sharedCacheTags');

/** The process's one connection, or null without REDIS_URL. Also reachable as globalThis[Symbol.for('inkwell.sharedCacheTags')]. */
function sharedTags() {
  const url = process.env.REDIS_URL;
  if (!url) return null;
  globalThis[KEY] ??= createSharedTags(url);
  return globalThis[KEY];
}

module.exports = { sharedTags, createSharedTags };
