import { describe, expect, it } from 'vitest';
import { trustedProxiesSchema } from '@/lib/env';
import { addressBucket, clientAddress, normalizeAddress, proxyList } from './client-address';
import { readStamp, stampValue } from './client-stamp';
import { secretsEqual } from './compare';

const none = proxyList([]);
const proxies = proxyList(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('::ffff:127.0.0.1', '203.0.113.7', none)).toBe('127.0.0.1');
    expect(clientAddress('198.51.100.4', '10.0.0.1, 127.0.0.1', none)).toBe('198.51.100.4');
  });

  it('behind trusted proxies, is the right-most entry that is not a proxy: what the outermost proxy saw', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7', proxies)).toBe('203.0.113.7');
    // A client that sends its own X-Forwarded-For to a proxy that appends: the claim is on the left, ignored.
    expect(clientAddress('127.0.0.1', '192.0.2.66, 203.0.113.7', proxies)).toBe('203.0.113.7');
    expect(clientAddress('10.1.2.3', 'spoof, 198.51.100.9, 10.9.9.9', proxies)).toBe('198.51.100.9');
    expect(clientAddress('fd00::1', '[2001:db8::5]:4711', proxies)).toBe('2001:db8::5');
  });

  it('stops at a hop it cannot read, and falls back to the last trusted proxy', () => {
    expect(clientAddress('127.0.0.1', 'unknown', proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '', proxies)).toBe('127.0.0.1');
    expect(clientAddress(undefined, '203.0.113.7', proxies)).toBe('unknown');
  });

  it('normalises addresses and buckets IPv6 clients by /64', () => {
    expect(normalizeAddress(' 203.0.113.7:8080 ')).toBe('203.0.113.7');
    expect(normalizeAddress('::FFFF:10.0.0.1')).toBe('10.0.0.1');
    expect(normalizeAddress('::ffff:a00:1')).toBe('10.0.0.1');
    expect(normalizeAddress('<script>')).toBeNull();
    expect(addressBucket('2001:db8:1:2::7')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
  });
});

describe('TRUSTED_PROXIES', () => {
  it('accepts addresses and CIDR ranges, comma- or space-separated, and names a bad entry', () => {
    expect(trustedProxiesSchema.parse('127.0.0.1, 10.0.0.0/8 ::1 fd00::/8')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    expect(trustedProxiesSchema.parse('')).toEqual([]);
    const bad = trustedProxiesSchema.safeParse('10.0.0.0/8, proxy.internal');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: [1], message: expect.stringContaining('CIDR') });
  });
});

describe('the client stamp', () => {
  it('is believed only with the server’s signature', () => {
    const value = stampValue({ address: '203.0.113.7', https: true }, 'secret');
    expect(readStamp(value, 'secret')).toEqual({ address: '203.0.113.7', https: true });
    expect(readStamp(value.replace('203.0.113.7', '203.0.113.8'), 'secret')).toBeNull();
    expect(readStamp(value, 'another secret')).toBeNull();
    expect(readStamp('203.0.113.7 https', 'secret')).toBeNull();
    expect(readStamp(undefined, 'secret')).toBeNull();
  });
});

describe('secretsEqual', () => {
  it('compares secrets of any length and alphabet without throwing', () => {
    const secret = 'x'.repeat(32);
    expect(secretsEqual(secret, secret)).toBe(true);
    expect(secretsEqual('é'.repeat(32), secret)).toBe(false);
    expect(secretsEqual('é'.repeat(16), secret)).toBe(false);
    expect(secretsEqual('', secret)).toBe(false);
    expect(secretsEqual('😀'.repeat(500), secret)).toBe(false);
    expect(secretsEqual('', '')).toBe(false);
  });
});
