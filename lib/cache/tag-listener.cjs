'use strict';
/**
 * Hears cache-tag expiries written by any process (lib/cache/revalidate.ts, through
 * the SQL function expire_cache_tags) and applies them to this process's state
 * (tag-state.cjs).
 *
 * One dedicated connection LISTENs on `cache_tags`; a notification carries only a
 * number, and the listener reads every row numbered after the last one it saw. So
 * a lost connection loses nothing: once back (reconnecting with backoff), the same
 * read catches up. A read every few seconds is the backstop for a connection that
 * died without telling us.
 */
const pg = require('pg');
const { tagState } = require('./tag-state.cjs');

const CHANNEL = 'cache_tags';
/** More rows missed than this: expire everything rather than replay them one by one. */
const MAX_REPLAY = 5_000;
const CHECK_INTERVAL_MS = 10_000;

function defaultLog(message) {
  console.error(`[cache tags] ${message}`);
}

/**
 * @param {{ connectionString: string, state: import('./tag-state.cjs').TagState, log?: (message: string) => void,
 *   minDelayMs?: number, maxDelayMs?: number }} options
 */
function createTagListener({ connectionString, state, log = defaultLog, minDelayMs = 100, maxDelayMs = 5_000 }) {
  const status = { connected: false, lastSeq: -1, connections: 0, backendPid: 0 };
  let closed = false;
  let current = null;
  let delay = minDelayMs;
  let reconnectTimer = null;
  let syncing = null;
  let again = false;

  async function topSeq(client) {
    const { rows } = await client.query('SELECT coalesce(max(seq), 0)::text AS top FROM cache_tag_expiries');
    return Number(rows[0].top);
  }

  async function replay(client) {
    const { rows } = await client.query('SELECT tag, seq::text AS seq FROM cache_tag_expiries WHERE seq > $1 ORDER BY seq LIMIT $2', [
      status.lastSeq,
      MAX_REPLAY + 1,
    ]);
    if (rows.length > MAX_REPLAY) {
      status.lastSeq = await topSeq(client);
      state.expireAll();
    } else if (rows.length) {
      state.expire([...new Set(rows.map((row) => row.tag))]);
      status.lastSeq = Number(rows[rows.length - 1].seq);
    }
  }

  /** Reads what is new; concurrent calls share one read, and one more runs after it when asked meanwhile. */
  function catchUp(client) {
    if (syncing) {
      again = true;
      return syncing;
    }
    syncing = (async () => {
      do {
        again = false;
        await replay(client);
      } while (again);
    })().finally(() => (syncing = null));
    return syncing;
  }

  /** After (re)connecting: a first start, or numbers gone backwards (a restored database), expire everything. */
  async function resync(client) {
    const top = await topSeq(client);
    if (status.lastSeq < 0 || top < status.lastSeq) {
      status.lastSeq = top;
      state.expireAll();
    }
    await catchUp(client);
  }

  function scheduleReconnect() {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      void connect();
    }, delay);
    reconnectTimer.unref?.();
    delay = Math.min(delay * 2, maxDelayMs);
  }

  async function connect() {
    if (closed) return;
    const client = new pg.Client({ connectionString, keepAlive: true, application_name: 'inkwell cache tags' });
    const connection = { client, dropped: false, check: null };
    current = connection;
    const drop = (error) => {
      if (connection.dropped) return;
      connection.dropped = true;
      clearInterval(connection.check);
      if (status.connected && !closed) log(`lost the listening connection (${error ? error.message : 'closed'}); reconnecting`);
      status.connected = false;
      client.end().catch(() => {});
      scheduleReconnect();
    };
    client.on('error', drop);
    client.on('end', () => drop(null));
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && !connection.dropped) catchUp(client).catch(drop);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      // Listening first, then reading: nothing committed in between is missed.
      await resync(client);
      if (connection.dropped || closed) return;
      connection.check = setInterval(() => catchUp(client).catch(drop), CHECK_INTERVAL_MS);
      connection.check.unref?.();
      if (status.connections > 0) log('listening again; caught up');
      status.connections += 1;
      status.backendPid = client.processID;
      status.connected = true;
      delay = minDelayMs;
    } catch (error) {
      drop(error);
    }
  }

  void connect();

  return {
    status,
    /** Stops listening for good. */
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      if (current) {
        clearInterval(current.check);
        current.dropped = true;
        await current.client.end().catch(() => {});
      }
    },
  };
}

const KEY = Symbol.for('inkwell.cacheTagListener');

/**
 * Starts this process's listener once, on DATABASE_URL (not while `next build`
 * prerenders: a build needs no database). Returns it, or null when it cannot run.
 */
function listenForTagExpiries() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString || process.env.NEXT_PHASE === 'phase-production-build') return null;
  globalThis[KEY] ??= createTagListener({ connectionString, state: tagState() });
  return globalThis[KEY];
}

module.exports = { createTagListener, listenForTagExpiries, CHANNEL };
