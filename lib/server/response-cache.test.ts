import { promisify } from 'node:util';
import { brotliDecompress, gunzip } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { negotiateEncoding } from './encoding';
import { createResponseCache, etagFor } from './response-cache';
import { matchesEtag } from './send-response';

const page = (bytes: number, fill = 'a') => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.alloc(bytes, fill) });

afterEach(() => vi.useRealTimers());

describe('the response cache', () => {
  it('is bounded by bytes, keys included: many long URLs cannot grow it past its cap', () => {
    const cache = createResponseCache({ maxBytes: 100_000, generation: () => 0 });
    const longKey = (n: number) => `/search?q=${'x'.repeat(5_000)}&n=${n}`;
    for (let n = 0; n < 100; n++) cache.store(longKey(n), page(10), 0);
    expect(cache.bytes).toBeLessThanOrEqual(100_000);
    // Each entry is counted with its 5 KB key: far fewer than 100 fit.
    expect(cache.size).toBeLessThan(20);
    expect(cache.lookup(longKey(99))).not.toBeNull();
    expect(cache.lookup(longKey(0))).toBeNull();
  });

  it('evicts the least recently used entry first', () => {
    const cache = createResponseCache({ maxBytes: 35_000, generation: () => 0 });
    cache.store('/a', page(10_000), 0);
    cache.store('/b', page(10_000), 0);
    cache.store('/c', page(10_000), 0);
    cache.lookup('/a');
    cache.store('/d', page(10_000), 0);
    expect(cache.lookup('/b')).toBeNull();
    expect(cache.lookup('/a')).not.toBeNull();
  });

  it('keeps a body’s first encoding in place of the body, and the body again once a client asks for it', async () => {
    const cache = createResponseCache({ maxBytes: 1_000_000, generation: () => 0 });
    const text = Buffer.from('正文 '.repeat(5_000));
    const entry = cache.store('/a', { ...page(0), body: text }, 0);
    const before = cache.bytes;
    const br = await cache.encodedBody('/a', entry, 'br');
    expect(cache.bytes).toBe(before - text.length + br.length);
    expect(cache.bytes).toBeLessThan(before / 10);
    expect(await promisify(brotliDecompress)(br)).toEqual(text);
    // Made from the brotli body: the identity body is gone.
    const gzip = await cache.encodedBody('/a', cache.lookup('/a')!, 'gzip');
    expect(await promisify(gunzip)(gzip)).toEqual(text);
    const kept = cache.lookup('/a')!;
    expect(Object.keys(kept.encoded).sort()).toEqual(['br', 'gzip']);
    expect(kept.body).toBeNull();
    expect(cache.bytes).toBe(before - text.length + br.length + gzip.length);
    expect(kept.length).toBe(text.length);
    expect(await cache.encodedBody('/a', kept, null)).toEqual(text);
    expect(cache.lookup('/a')!.body).toEqual(text);
    expect(cache.bytes).toBe(before + br.length + gzip.length);
  });

  it('drops expired entries by itself, without being asked for them', () => {
    vi.useFakeTimers();
    const cache = createResponseCache({ ttlMs: 60_000, now: () => Date.now(), generation: () => 0 });
    for (let n = 0; n < 50; n++) cache.store(`/?n=${n}`, page(1_000), 0);
    expect(cache.size).toBe(50);
    vi.advanceTimersByTime(61_000);
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('never serves an entry from before a revalidation, nor keeps one rendered across it', () => {
    let generation = 0;
    const cache = createResponseCache({ generation: () => generation });
    cache.store('/a', page(10), 0);
    generation = 1;
    expect(cache.lookup('/a')).toBeNull();
    // Asked of Next before the revalidation, answered after it: not kept.
    cache.store('/b', page(10), 0);
    expect(cache.lookup('/b')).toBeNull();
    cache.store('/b', page(10), 1);
    expect(cache.lookup('/b')).not.toBeNull();
  });
});

describe('encoding negotiation', () => {
  it('honours q-values, q=0 included, and prefers brotli on a tie', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });

  it('gives each encoding its own strong ETag and compares If-None-Match weakly', () => {
    const entry = createResponseCache({ generation: () => 0 }).store('/a', page(10), 0);
    const tags = [etagFor(entry, null), etagFor(entry, 'br'), etagFor(entry, 'gzip')];
    expect(new Set(tags).size).toBe(3);
    expect(matchesEtag(`"other", ${tags[1]}`, tags[1]!)).toBe(true);
    expect(matchesEtag(`W/${tags[0]}`, tags[0]!)).toBe(true);
    expect(matchesEtag(tags[0], tags[1]!)).toBe(false);
    expect(matchesEtag('*', tags[2]!)).toBe(true);
    expect(matchesEtag(undefined, tags[0]!)).toBe(false);
  });
});
