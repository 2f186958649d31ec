import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { compress, decompress, type Encoding } from './encoding';

/** A finished response as the web server sends it, before compression. */
export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface CachedResponse extends Omit<PlainResponse, 'body'> {
  /**
   * The identity body, dropped when its first encoding is made: nearly every
   * reader takes an encoding, under half the bytes. An identity request then
   * decompresses it and keeps it again, for the clients that ask for it.
   */
  body: Buffer | null;
  /** The identity body's length. */
  length: number;
  /** The identity body's tag; each encoding's tag adds its name (a strong ETag names one representation). */
  etag: string;
  encoded: Partial<Record<Encoding, Buffer>>;
  generation: number;
}

export interface ResponseCacheOptions {
  maxBytes?: number;
  ttlMs?: number;
  /** The invalidation state (Next's thread tells the web server's thread): an entry stored under another value is never served. */
  generation: () => number;
  /** The clock TTLs are measured on (tests pass a fake one). */
  now?: () => number;
}

const sizeOf = (key: string, entry: CachedResponse) =>
  Buffer.byteLength(key) +
  (entry.body?.length ?? 0) +
  Object.values(entry.encoded).reduce((n, b) => n + b.length, 0) +
  Object.entries(entry.headers).reduce((n, [k, v]) => n + k.length + v.length, 0);

export function etagFor(entry: Pick<CachedResponse, 'etag'>, encoding: Encoding | null): string {
  return encoding ? `${entry.etag.slice(0, -1)}-${encoding}"` : entry.etag;
}

/**
 * Finished public responses, compressed once, served without entering Next.
 * Next's cache still decides what a page is; this saves re-sending it through
 * the framework. Bounded by bytes (keys, headers, bodies and their encodings):
 * npm start's 32 MB (RESPONSE_CACHE_MB) holds thousands of compressed articles.
 * Entries go whenever the revalidation generation moves, which every
 * instance's tag listener keeps current
 * (lib/cache/tag-listener.cjs: a notification, and a read every 10 s behind
 * it); `ttlMs` only bounds a fault in that path, long enough that a crawler's
 * walk of the site finds its first pages still kept.
 */
export function createResponseCache({ maxBytes = 32 * 1024 * 1024, ttlMs = 60 * 60_000, generation, now = () => performance.now() }: ResponseCacheOptions) {
  const entries = new LRUCache<string, CachedResponse>({
    maxSize: maxBytes,
    sizeCalculation: (entry, key) => sizeOf(key, entry),
    ttl: ttlMs,
    ttlAutopurge: true,
    // Read the clock on each lookup: the default caches it behind a new 1 ms timer whenever pages are served.
    ttlResolution: 0,
    perf: { now },
  });
  const compressing = new Map<string, Promise<Buffer>>();

  return {
    /** The invalidation version now: a response asked of Next under it is kept only if it has not moved since. */
    version: generation,

    lookup(key: string): CachedResponse | null {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.generation === generation()) return entry;
      entries.delete(key);
      return null;
    },

    /** Keeps `response` unless a revalidation happened since `since` (read before Next was asked). */
    store(key: string, response: PlainResponse, since: number): CachedResponse {
      const entry: CachedResponse = {
        ...response,
        length: response.body.length,
        etag: `"${createHash('sha1').update(response.body).digest('base64url')}"`,
        encoded: {},
        generation: since,
      };
      if (since === generation()) entries.set(key, entry);
      return entry;
    },

    /**
     * The body in `encoding` (null: identity). An encoding is compressed off the
     * event loop on first use and then kept with the entry, in place of the identity body.
     */
    async encodedBody(key: string, entry: CachedResponse, encoding: Encoding | null): Promise<Buffer> {
      const done = encoding ? entry.encoded[encoding] : entry.body;
      if (done) return done;
      if (!encoding) {
        const body = await identityOf(entry);
        const current = entries.peek(key);
        if (current?.etag === entry.etag && !current.body) entries.set(key, { ...current, body }, { noUpdateTTL: true });
        return body;
      }
      const job = `${key}\n${entry.etag}\n${encoding}`;
      let pending = compressing.get(job);
      if (!pending) {
        pending = identityOf(entry)
          .then((identity) => compress(identity, encoding, 'kept'))
          .finally(() => compressing.delete(job));
        compressing.set(job, pending);
      }
      const body = await pending;
      const current = entries.peek(key);
      if (current?.etag === entry.etag && !current.encoded[encoding]) {
        // A new object: the cache counts an entry's size when it is set.
        const first = Object.keys(current.encoded).length === 0;
        entries.set(key, { ...current, body: first ? null : current.body, encoded: { ...current.encoded, [encoding]: body } }, { noUpdateTTL: true });
      }
      return body;
    },

    /** Bytes held, as counted against `maxBytes`. */
    get bytes(): number {
      return entries.calculatedSize;
    },

    get size(): number {
      return entries.size;
    },

    clear(): void {
      entries.clear();
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;

/** The identity body: kept, or decompressed from an encoding that is. */
async function identityOf(entry: CachedResponse): Promise<Buffer> {
  if (entry.body) return entry.body;
  const [encoding, body] = Object.entries(entry.encoded)[0] as [Encoding, Buffer];
  return decompress(body, encoding);
}
