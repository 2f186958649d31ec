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

/**
 * A kept response: anyone may store it but must ask again each time (so a CDN
 * in front stays fresh after every edit), with a strong ETag per encoding and
 * a 304 when the client already holds that representation.
 */
export async function sendKept(req: IncomingMessage, res: ServerResponse, kept: { cache: ResponseCache; key: string; entry: CachedResponse; status: 'HIT' | 'MISS'; validator?: string }) {
  const { entry } = kept;
  const compressible = isCompressible(entry.headers['content-type'], entry.body.length);
  const encoding = compressible ? negotiateEncoding(req.headers['accept-encoding']) : null;
  writeHeaders(res, entry, kept.status);
  if (compressible) res.setHeader('vary', 'Accept-Encoding');
  res.setHeader('etag', etagFor(entry, encoding));
  res.setHeader('cache-control', 'public, max-age=0, must-revalidate');
  if (entry.status === 200 && matchesEtag(kept.validator, etagFor(entry, encoding))) {
    res.statusCode = 304;
    return void res.end();
  }
  const body = await kept.cache.encodedBody(kept.key, entry, encoding);
  if (encoding) res.setHeader('content-encoding', encoding);
  finish(req, res, entry.status, body);
}

const readyHeaders = new WeakMap<CachedResponse, Map<Encoding | null, Record<string, string | number>>>();

/** The headers of a kept entry in one encoding, computed on its first hit. */
function headersFor(entry: CachedResponse, encoding: Encoding | null, compressible: boolean, body: Buffer) {
  let byEncoding = readyHeaders.get(entry);
  if (!byEncoding) readyHeaders.set(entry, (byEncoding = new Map()));
  let headers = byEncoding.get(encoding);
  if (!headers) {
    headers = {
      ...entry.headers,
      'x-cache': 'HIT',
      etag: etagFor(entry, encoding),
      'cache-control': 'public, max-age=0, must-revalidate',
      ...(compressible ? { vary: 'Accept-Encoding' } : {}),
      ...(encoding ? { 'content-encoding': encoding } : {}),
      'content-length': body.length,
    };
    byEncoding.set(encoding, headers);
  }
  return headers;
}

/**
 * The common case, a repeat request for a kept page in an encoding already
 * made: one `writeHead`, with headers computed once per entry and encoding.
 * False when it cannot answer so (the encoding is not made yet).
 */
export function sendReady(req: IncomingMessage, res: ServerResponse, entry: CachedResponse, validator: string | undefined): boolean {
  const compressible = isCompressible(entry.headers['content-type'], entry.body.length);
  const encoding = compressible ? negotiateEncoding(req.headers['accept-encoding']) : null;
  const body = encoding ? entry.encoded[encoding] : entry.body;
  if (!body) return false;
  const headers = headersFor(entry, encoding, compressible, body);
  if (entry.status === 200 && matchesEtag(validator, headers.etag as string)) {
    const { 'content-length': _length, 'content-encoding': _encoding, ...rest } = headers;
    res.writeHead(304, rest);
    res.end();
    return true;
  }
  res.writeHead(entry.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/** A response for this request only (an error, a redirect, a page Next would not share). */
export async function sendOnce(req: IncomingMessage, res: ServerResponse, response: PlainResponse) {
  writeHeaders(res, response, 'BYPASS');
  res.setHeader('cache-control', 'private, no-cache');
  const compressible = isCompressible(response.headers['content-type'], response.body.length);
  const encoding = compressible ? negotiateEncoding(req.headers['accept-encoding']) : null;
  if (compressible) res.setHeader('vary', 'Accept-Encoding');
  const body = encoding ? await compress(response.body, encoding, 'once') : response.body;
  if (encoding) res.setHeader('content-encoding', encoding);
  finish(req, res, response.status, body);
}
