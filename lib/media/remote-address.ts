import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent } from 'undici';
import { addressListFromEnv, isTrusted, normalizeAddress, proxyList } from '@/lib/security/client-address';

// Loopback, private, shared, link-local (cloud metadata), benchmarking, multicast and reserved ranges,
// in IPv4 and IPv6 (IPv4-mapped addresses are checked as IPv4; NAT64 reaches IPv4 behind it).
const NOT_PUBLIC = proxyList([
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12',
  '192.0.0.0/24', '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/3',
  '::/128', '::1/128', '64:ff9b::/96', '64:ff9b:1::/48', '100::/64', '2001::/23', '2001:db8::/32', '2002::/16', 'fc00::/7', 'fe80::/10', 'ff00::/8',
]);

export class PrivateAddressError extends Error {}

/** The addresses IMAGE_FETCH_ALLOWED_ADDRESSES lets through although they are not public. */
const allowedList = () => addressListFromEnv('IMAGE_FETCH_ALLOWED_ADDRESSES');

/** Refuses an address a remote image must not come from: anything but the public internet, unless allowed. */
export function assertPublicAddress(raw: string, allowed = allowedList()): void {
  const address = normalizeAddress(raw);
  if (!address) throw new PrivateAddressError(`不是 IP 地址：${raw}`);
  if (isTrusted(NOT_PUBLIC, address) && !isTrusted(allowed, address)) {
    throw new PrivateAddressError(`指向内部网络地址 ${address}，不从那里下载`);
  }
}

/** A URL's host when it is an IP literal: those are connected to without a lookup. */
export function assertPublicHost(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) assertPublicAddress(host);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * dns.lookup that refuses names resolving to a non-public address. It runs as the
 * connection is made, so the address checked is the one connected to (no DNS rebinding).
 */
function publicLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    try {
      const allowed = allowedList();
      for (const { address } of addresses) assertPublicAddress(address, allowed);
    } catch (refusal) {
      return callback(refusal as NodeJS.ErrnoException, []);
    }
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

let agent: Agent | undefined;

/** The HTTP agent remote images are fetched through: public addresses only. */
export function publicOnlyAgent(): Agent {
  agent ??= new Agent({ connect: { lookup: publicLookup } });
  return agent;
}
