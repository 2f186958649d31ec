import type { IncomingMessage, ServerResponse } from 'node:http';
import { revalidationGeneration } from '@/lib/cache/generation';
import { contentSecurityPolicy, freshNonce, rewriteNonces } from '@/lib/security/csp';
import { needsRuntime, revealStreamedContent, stripScripts } from './public-html';
import { captureResponse, contentType } from './response-hooks';
import { encode, encodedBody, lookup, preferredEncoding, store, type CachedResponse } from './response-cache';

/** A reader's GET of a page, feed or file: not the admin, an API, a build file, or a client router fetch. */
export function isPublicDocument(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (/^\/(admin|api|_next)(\/|\?|$)/.test(req.url ?? '/')) return false;
  return !['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-action'].some((h) => h in req.headers);
}

// Headers Next sets for its own cache and router, or that are set per response here.
const PER_RESPONSE = /^(content-length|content-encoding|etag|vary|date|connection|keep-alive|transfer-encoding|cache-control|content-security-policy|x-nextjs-.*)$/;

function keptHeaders(res: ServerResponse): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value !== undefined && !PER_RESPONSE.test(name)) kept[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return kept;
}

/**
 * The same bytes may go to every reader: served from Next's cache, or a search
 * (its results depend only on the query and the posts, like any public page;
 * Next marks it private only because it reads the query string).
 */
function isShareable(req: IncomingMessage, res: ServerResponse): boolean {
  const fromNextCache = res.hasHeader('x-nextjs-cache') && !/no-store|private/.test(String(res.getHeader('cache-control') ?? ''));
  const isSearch = /^\/search(\?|$)/.test(req.url ?? '');
  return req.method === 'GET' && res.statusCode === 200 && !res.hasHeader('set-cookie') && (fromNextCache || isSearch);
}

type Sendable = Pick<CachedResponse, 'status' | 'headers' | 'body'> & { kept?: CachedResponse };

function send(req: IncomingMessage, res: ServerResponse, entry: Sendable, cache: string, validator?: string) {
  for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value);
  res.setHeader('x-cache', cache);
  res.setHeader('vary', 'Accept-Encoding');
  if (entry.kept) {
    res.setHeader('etag', entry.kept.etag);
    // Anyone may keep it, but must ask again each time: a CDN in front stays fresh after every edit.
    res.setHeader('cache-control', 'public, max-age=0, must-revalidate');
    if (validator === entry.kept.etag) {
      res.statusCode = 304;
      return res.end();
    }
  } else {
    res.setHeader('cache-control', 'private, no-cache');
  }
  const compressible = /^text\/|json|xml|javascript/.test(entry.headers['content-type'] ?? '');
  const encoding = compressible && entry.body.length >= 1024 ? preferredEncoding(req.headers['accept-encoding']) : null;
  const body = entry.kept ? encodedBody(entry.kept, encoding) : encode(entry.body, encoding, 'per-response');
  res.statusCode = entry.status;
  if (encoding) res.setHeader('content-encoding', encoding);
  res.setHeader('content-length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Public responses: whole, without scripts where the page needs none
 * (lib/server/public-html.ts), compressed once and kept (response-cache.ts) when
 * Next served them from its cache; otherwise with this response's nonce.
 */
export function servePublic(req: IncomingMessage, res: ServerResponse, handle: () => void, placeholder: string) {
  const key = req.url ?? '/';
  const validator = req.headers['if-none-match'];
  // Next must send the whole body: the 304 is decided here, against what is finally sent.
  delete req.headers['if-none-match'];
  const cached = req.method === 'GET' ? lookup(key) : null;
  if (cached) return send(req, res, { ...cached, kept: cached }, 'HIT', validator);
  const generation = revalidationGeneration();
  captureResponse(res, (captured) => {
    let body = captured;
    let shareable = isShareable(req, res);
    let policy = contentSecurityPolicy(null);
    if (contentType(res).startsWith('text/html')) {
      const html = body.toString('utf8');
      const revealed = needsRuntime(html) ? revealStreamedContent(html) : html;
      if (revealed === null) {
        // Content only script can show (Next's error document for a 404): the page keeps Next's scripts, with a nonce.
        const nonce = freshNonce();
        body = Buffer.from(rewriteNonces(html, placeholder, nonce));
        policy = contentSecurityPolicy(nonce);
        shareable = false;
      } else {
        body = Buffer.from(stripScripts(revealed));
      }
    }
    const response = { status: res.statusCode, headers: { ...keptHeaders(res), 'content-security-policy': policy }, body };
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    if (!shareable) return send(req, res, response, 'BYPASS');
    const kept = store(key, response, generation);
    send(req, res, { ...kept, kept }, 'MISS', validator);
  });
  handle();
}
