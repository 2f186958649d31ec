import { afterAll, describe, expect, it } from 'vitest';
import { startRedis } from '@/test/redis';
import { createSharedTags, type SharedTags } from './shared-tags.cjs';

const open: SharedTags[] = [];
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  for (const stop of stops) await stop();
});

function connect(url: string): SharedTags {
  const shared = createSharedTags(url);
  open.push(shared);
  return shared;
}

const poll = { timeout: 10_000, interval: 50 };

describe('shared cache tags', () => {
  it('an update on one instance expires entries on another; one made while Redis is down arrives once it is back', async () => {
    let redis = await startRedis();
    stops.push(() => redis.stop());
    const [a, b] = [connect(redis.url), connect(redis.url)];
    await expect.poll(() => a.state.connected && b.state.connected, poll).toBe(true);

    const cachedAt = Date.now() - 1;
    await expect.poll(async () => (await a.update(['post:one']), b.isExpired(['post:one'], cachedAt)), poll).toBe(true);
    expect(b.isExpired(['post:other'], cachedAt)).toBe(false);
    expect(b.expiration(['post:one', 'post:other'])).toBeGreaterThan(cachedAt);

    await redis.stop();
    await expect.poll(() => a.state.connected, poll).toBe(false);
    const beforeOutageEdit = Date.now() - 1;
    const startedAt = Date.now();
    expect(await a.update(['post:two'])).toBe(false);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(a.isExpired(['post:two'], beforeOutageEdit)).toBe(true);
    expect(b.isExpired(['post:two'], beforeOutageEdit)).toBe(false);

    // A restart without persistence: Redis comes back empty.
    redis = await startRedis(redis.port);
    await expect.poll(() => b.isExpired(['post:two'], beforeOutageEdit), poll).toBe(true);

    // Numbering started again from 1; later edits still count everywhere.
    const afterRestart = Date.now() - 1;
    await expect.poll(async () => (await b.update(['post:one']), a.isExpired(['post:one'], afterRestart)), poll).toBe(true);
  });
});
