import { BlockList, isIP } from 'node:net';
import { addressListSchema } from '@/lib/env';

/**
 * One address in canonical form: ports and brackets dropped, IPv4-mapped IPv6
 * as plain IPv4, lower case; null when it is not an IP address at all.
 */
export function normalizeAddress(raw: string | undefined): string | null {
  let value = (raw ?? '').trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value
    .toLowerCase()
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1')
    .replace(/^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/, (_, high: string, low: string) => {
      const [a, b] = [parseInt(high, 16), parseInt(low, 16)];
      return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
    });
  return isIP(value) ? value : null;
}

/** The reverse proxies (IPs and CIDRs) whose forwarding headers are believed. */
export function proxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [network = '', prefix] = entry.split('/');
    const address = normalizeAddress(network);
    if (!address) continue;
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

export const isTrusted = (list: BlockList, address: string) => list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');

const parsedLists = new Map<string, { raw: string; list: BlockList }>();

/** An address list from the environment, parsed once per value (validated at start-up by lib/env.ts). */
export function addressListFromEnv(name: 'TRUSTED_PROXIES' | 'IMAGE_FETCH_ALLOWED_ADDRESSES'): BlockList {
  const raw = process.env[name] ?? '';
  let cached = parsedLists.get(name);
  if (cached?.raw !== raw) parsedLists.set(name, (cached = { raw, list: proxyList(addressListSchema.parse(raw)) }));
  return cached.list;
}

/** TRUSTED_PROXIES: the reverse proxies whose forwarding headers are believed. */
export const trustedProxies = () => addressListFromEnv('TRUSTED_PROXIES');

/**
 * The client's address: the socket's peer unless that peer is a trusted proxy;
 * then the right-most X-Forwarded-For entry that is not itself a trusted proxy.
 * Entries left of it are the client's own claims and are never believed.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: BlockList): string {
  let address = normalizeAddress(peer);
  if (!address) return 'unknown';
  const hops = (forwardedFor ?? '').split(',').reverse();
  for (const hop of hops) {
    if (!isTrusted(trusted, address)) return address;
    const next = normalizeAddress(hop);
    // A hop a trusted proxy could not vouch for: the last trusted one is all we know.
    if (!next) return address;
    address = next;
  }
  return address;
}

/**
 * The key a client's failures count against: its address, or for IPv6 its /64,
 * which one subscriber usually holds whole.
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
