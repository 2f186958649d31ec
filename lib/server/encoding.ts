import Negotiator from 'negotiator';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Our order among encodings the client accepts equally; its q-values decide first. */
const OFFERED = ['br', 'gzip', 'identity'];

type Encodings = (available: string[], options: { preferred: string[] }) => string[];

/**
 * The encoding to send for an `Accept-Encoding` header: `br;q=0` refuses
 * brotli, a higher q wins, and ties go to brotli. `null` sends the body as is,
 * also when the client refuses everything (RFC 9110 lets identity through).
 */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  // Browsers send a handful of spellings: each is parsed once.
  const key = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const known = negotiated.get(key);
  if (known !== undefined) return known;
  const best = negotiate(acceptEncoding);
  if (negotiated.size >= 256) negotiated.clear();
  negotiated.set(key, best);
  return best;
}

const negotiated = new Map<string, Encoding | null>();

function negotiate(acceptEncoding: string | string[] | undefined): Encoding | null {
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
  // negotiator 1.x takes `preferred`; its published types predate it.
  const [best] = (negotiator.encodings as unknown as Encodings).call(negotiator, OFFERED, { preferred: OFFERED });
  return best === 'br' || best === 'gzip' ? best : null;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const unbrotliAsync = promisify(brotliDecompress);
const gunzipAsync = promisify(gunzip);

/**
 * Compresses on libuv's thread pool, so a large page never blocks the event
 * loop. `kept` bodies are compressed once and served many times: harder effort.
 */
export function compress(body: Buffer, encoding: Encoding, effort: 'kept' | 'once'): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(body, { level: effort === 'kept' ? 9 : 6 });
  const quality = effort === 'kept' ? 9 : 4;
  return brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
}

/** The body `compress` was given, off the event loop too. */
export function decompress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'gzip' ? gunzipAsync(body) : unbrotliAsync(body);
}

/** Worth compressing: text of at least 1 KB (below that the framing costs more than it saves). */
export function isCompressible(contentType: string | undefined, length: number): boolean {
  return length >= 1024 && /^text\/|json|xml|javascript/.test(contentType ?? '');
}
