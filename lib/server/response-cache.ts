import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { revalidationGeneration } from '@/lib/cache/generation';

/**
 * Finished public responses, compressed once, served without entering Next.
 * Next's own cache still decides what a page is; this only saves re-sending it
 * through the framework. Any revalidation on any instance empties it (the
 * generation), and an age limit backs that up.
 */
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
  encoded: Partial<Record<Encoding, Buffer>>;
  generation: number;
  storedAt: number;
}

export type Encoding = 'br' | 'gzip';

const MAX_AGE_MS = 60_000;
const MAX_BYTES = 128 * 1024 * 1024;

const entries = new Map<string, CachedResponse>();
let bytes = 0;

function drop(key: string) {
  const entry = entries.get(key);
  if (!entry) return;
  bytes -= entry.body.length + Object.values(entry.encoded).reduce((n, b) => n + b.length, 0);
  entries.delete(key);
}

export function lookup(key: string): CachedResponse | null {
  const entry = entries.get(key);
  if (!entry) return null;
  if (entry.generation !== revalidationGeneration() || Date.now() - entry.storedAt > MAX_AGE_MS) {
    drop(key);
    return null;
  }
  // Least recently used goes first.
  entries.delete(key);
  entries.set(key, entry);
  return entry;
}

/** `generation` is the one read before the request went to Next, so a revalidation during it is not missed. */
export function store(key: string, response: { status: number; headers: Record<string, string>; body: Buffer }, generation: number): CachedResponse {
  drop(key);
  const entry: CachedResponse = {
    ...response,
    etag: `"${createHash('sha1').update(response.body).digest('base64url')}"`,
    encoded: {},
    generation,
    storedAt: Date.now(),
  };
  entries.set(key, entry);
  bytes += entry.body.length;
  for (const oldest of entries.keys()) {
    if (bytes <= MAX_BYTES) break;
    drop(oldest);
  }
  return entry;
}

export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

export function encode(body: Buffer, encoding: Encoding | null, effort: 'once' | 'per-response'): Buffer {
  if (!encoding) return body;
  if (encoding === 'gzip') return gzipSync(body, { level: effort === 'once' ? 9 : 6 });
  const quality = effort === 'once' ? 9 : 4;
  return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
}

/** A kept response's body in an encoding, compressed on first use and kept too. */
export function encodedBody(entry: CachedResponse, encoding: Encoding | null): Buffer {
  if (!encoding) return entry.body;
  let body = entry.encoded[encoding];
  if (!body) {
    body = entry.encoded[encoding] = encode(entry.body, encoding, 'once');
    bytes += body.length;
  }
  return body;
}
