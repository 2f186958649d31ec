import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb } from '@/lib/db';
import { connectTestDatabase, queryRows } from '@/test/database';
import { createUseCacheHandler } from './handlers/create-use-cache-handler.cjs';
import { revalidatePublic } from './revalidate';
import { createTagListener, type TagListener } from './tag-listener.cjs';
import { createTagState, now, tagState } from './tag-state.cjs';

let url: string;
const listeners: TagListener[] = [];
beforeAll(async () => {
  url = await connectTestDatabase();
});
afterAll(async () => {
  await Promise.all(listeners.map((l) => l.close()));
  await disconnectDb();
});

const poll = { timeout: 5_000, interval: 20 };

/** Another instance: its own tag state, listening connection and 'use cache' handler. */
async function startInstance(options: { minDelayMs?: number } = {}) {
  const state = createTagState();
  const listener = createTagListener({ connectionString: url, state, log: () => {}, ...options });
  listeners.push(listener);
  await expect.poll(() => listener.status.connected, poll).toBe(true);
  return { state, listener, handler: createUseCacheHandler(state) };
}

const entry = (tags: string[], timestamp = now()) => ({
  value: new Response('cached').body!,
  tags,
  stale: 300,
  timestamp,
  expire: 31_536_000,
  revalidate: 2_592_000,
});

async function cached(handler: ReturnType<typeof createUseCacheHandler>, key: string): Promise<string | null> {
  const hit = await handler.get(key, []);
  return hit ? new Response(hit.value).text() : null;
}

describe('cache tag expiries through Postgres', () => {
  it('an expiry recorded by revalidatePublic on one instance drops the entries carrying it on another', async () => {
    const b = await startInstance();
    await b.handler.set('article', Promise.resolve(entry(['site', 'post:one'])));
    await b.handler.set('other', Promise.resolve(entry(['site', 'post:other'])));
    expect(await cached(b.handler, 'article')).toBe('cached');
    const versionBefore = b.state.version();

    // "Instance A" is this process: its own state drops the tag at once.
    const localBefore = tagState().version();
    expect(await revalidatePublic(['post:one'])).toBeNull();
    expect(tagState().version()).toBeGreaterThan(localBefore);

    await expect.poll(() => cached(b.handler, 'article'), poll).toBeNull();
    expect(await cached(b.handler, 'other')).toBe('cached');
    expect(b.state.version()).toBeGreaterThan(versionBefore);
    // What Next compares soft tags with: this tag's expiry, later than anything older.
    expect(await b.handler.getExpiration(['post:one'])).toBeGreaterThan(await b.handler.getExpiration(['post:never']));
  });

  it('an instance that lost its listening connection catches up from the table once it is back', async () => {
    const b = await startInstance({ minDelayMs: 1_000 });
    await b.handler.set('article', Promise.resolve(entry(['site', 'post:two'])));
    const pid = b.listener.status.backendPid;
    await queryRows(url, 'SELECT pg_terminate_backend($1)', [pid]);
    await expect.poll(() => b.listener.status.connected, poll).toBe(false);

    // Written while B hears nothing: the NOTIFY is lost to it.
    expect(await revalidatePublic(['post:two'])).toBeNull();
    expect(await cached(b.handler, 'article')).toBe('cached');

    await expect.poll(() => b.listener.status.connected, poll).toBe(true);
    expect(b.listener.status.backendPid).not.toBe(pid);
    await expect.poll(() => cached(b.handler, 'article'), poll).toBeNull();
  });

  it('judges freshness by when this instance heard of an expiry, whatever the writer’s clock said', async () => {
    const b = await startInstance();
    // A writer whose clock is an hour slow: its expiry still drops what B cached before hearing it.
    await b.handler.set('before', Promise.resolve(entry(['site', 'post:slow'])));
    await writeWithClock(['post:slow'], '-1 hour');
    await expect.poll(() => cached(b.handler, 'before'), poll).toBeNull();

    // A writer whose clock is an hour fast: what B caches after hearing it is fresh at once.
    const heard = b.state.version();
    await writeWithClock(['post:fast'], '+1 hour');
    await expect.poll(() => b.state.version(), poll).toBeGreaterThan(heard);
    await b.handler.set('after', Promise.resolve(entry(['site', 'post:fast'])));
    expect(await cached(b.handler, 'after')).toBe('cached');
  });
});

/** An expiry as a machine with a skewed clock would stamp it, numbered and announced like any other. */
async function writeWithClock(tags: string[], offset: string) {
  await queryRows(
    url,
    `WITH n AS (SELECT nextval('cache_tag_expiries_seq') AS seq)
     INSERT INTO cache_tag_expiries (tag, seq, expired_at)
     SELECT t, n.seq, now() + $2::interval FROM unnest($1::text[]) t, n
     ON CONFLICT (tag) DO UPDATE SET seq = EXCLUDED.seq, expired_at = EXCLUDED.expired_at`,
    [tags, offset],
  );
  await queryRows(url, `SELECT pg_notify('cache_tags', 'skewed')`);
}
