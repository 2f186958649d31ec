import type { IncomingMessage, ServerResponse } from 'node:http';
import { compress, isCompressible, negotiateEncoding } from './encoding';
import type { Encoding } from './encoding';
import { etagFor, type CachedResponse, type PlainResponse, type ResponseCache } from './response-cache';

/** `If-None-Match` against one tag, by weak comparison (RFC 9110 §13.1.2), `*` included. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

function writeHeaders(res: ServerResponse, response: PlainResponse, cache: string) {
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.setHeader('x-cache', cache);
}

function finish(req: IncomingMessage, res: ServerResponse, status: number, body: Buffer) {
  res.statusCode = status;
  res.setHeader('content-length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The request headers an answer depends on: the response's own (the feed's Accept), and the encoding when it is compressed. */
function varyOn(response: Pick<PlainResponse, 'headers'>, compressible: boolean): { vary?: string } {
  const vary = [response.headers.vary, compressible ? 'Accept-Encoding' : null].filter(Boolean).join(', ');
  return vary ? { vary } : {};
}

type Kept = { entry: CachedResponse; status: 'HIT' | 'MISS'; validator?: string };

/** What every answer from a kept entry carries, but the body's length and encoding. */
function baseHeaders(entry: CachedResponse, encoding: Encoding | null, compressible: boolean, cache: 'HIT' | 'MISS'): Record<string, string | number> {
  return {
    ...entry.headers,
    'x-cache': cache,
    etag: etagFor(entry, encoding),
    // Anyone may store it but must ask again each time: a CDN in front stays fresh after every edit.
    'cache-control': 'public, max-age=0, must-revalidate',
    ...varyOn(entry, compressible),
  };
}

const hitHeaders = new WeakMap<CachedResponse, Map<Encoding | null, Record<string, string | number>>>();

/** A hit's headers in one encoding, computed once per entry: repeat requests are the hot path. */
function headersOfHit(entry: CachedResponse, encoding: Encoding | null, compressible: boolean, body: Buffer) {
  let byEncoding = hitHeaders.get(entry);
  if (!byEncoding) hitHeaders.set(entry, (byEncoding = new Map()));
  let headers = byEncoding.get(encoding);
  if (!headers) {
    headers = { ...baseHeaders(entry, encoding, compressible, 'HIT'), ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': body.length };
    byEncoding.set(encoding, headers);
  }
  return headers;
}

/**
 * Answers from a kept entry with a strong ETag per encoding, a 304 when the
 * client holds that representation, and one `writeHead`. False when the body
 * in the negotiated encoding is not made yet (sendKept makes it).
 */
export function sendReady(req: IncomingMessage, res: ServerResponse, kept: Kept): boolean {
  const { entry, status } = kept;
  const compressible = isCompressible(entry.headers['content-type'], entry.length);
  const encoding = compressible ? negotiateEncoding(req.headers['accept-encoding']) : null;
  if (entry.status === 200 && matchesEtag(kept.validator, etagFor(entry, encoding))) {
    res.writeHead(304, baseHeaders(entry, encoding, compressible, status));
    res.end();
    return true;
  }
  const body = encoding ? entry.encoded[encoding] : entry.body;
  if (!body) return false;
  writeBody(req, res, kept, encoding, compressible, body);
  return true;
}

function writeBody(req: IncomingMessage, res: ServerResponse, kept: Kept, encoding: Encoding | null, compressible: boolean, body: Buffer) {
  const hit = headersOfHit(kept.entry, encoding, compressible, body);
  res.writeHead(kept.entry.status, kept.status === 'HIT' ? hit : { ...hit, 'x-cache': kept.status });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A kept response whose encoding may still have to be made (off the event loop), then sent as sendReady does. */
export async function sendKept(req: IncomingMessage, res: ServerResponse, kept: Kept & { cache: ResponseCache; key: string }) {
  if (sendReady(req, res, kept)) return;
  const { entry } = kept;
  const compressible = isCompressible(entry.headers['content-type'], entry.length);
  const encoding = compressible ? negotiateEncoding(req.headers['accept-encoding']) : null;
  writeBody(req, res, kept, encoding, compressible, await kept.cache.encodedBody(kept.key, entry, encoding));
}

/** A response for this request only (an error, a redirect, a page Next would not share). */
export async function sendOnce(req: IncomingMessage, res: ServerResponse, response: PlainResponse) {
  writeHeaders(res, response, 'BYPASS');
  res.setHeader('cache-control', 'private, no-cache');
  const compressible = isCompressible(response.headers['content-type'], response.body.length);
  const encoding = compressible ? negotiateEncoding(req.headers['accept-encoding']) : null;
  const { vary } = varyOn(response, compressible);
  if (vary) res.setHeader('vary', vary);
  const body = encoding ? await compress(response.body, encoding, 'once') : response.body;
  if (encoding) res.setHeader('content-encoding', encoding);
  finish(req, res, response.status, body);
}
