import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '@/lib/security/csp';
import { NOT_FOUND_PATH } from './not-found-page';
import { scriptFreePage } from './public-html';
import { captureResponse, contentType } from './response-hooks';
import type { PlainResponse } from './response-cache';

/** Anything but the admin, the API and Next's own files: what readers and crawlers fetch. */
export function isPublicUrl(url: string | undefined): boolean {
  return !/^\/(admin|api|_next)(\/|\?|$)/.test(url ?? '/');
}

/**
 * Public URLs that answer with their own caching, past the response cache:
 * media files (content-hashed, `immutable` for a year) and draft previews
 * (`private, no-store`: never kept, never shared).
 */
export const SELF_CACHED_URL = /^\/(media|preview)\//;

/** The one public page that reads its query string (the search); every other page is its path alone. */
const READS_QUERY = /^\/search$/;

const canonicalSegment = (segment: string) => {
  try {
    return encodeURIComponent(decodeURIComponent(segment));
  } catch {
    return segment; // Not valid percent-encoding: Next refuses it, and it is kept as sent.
  }
};

/**
 * The response cache's key for a public URL: its path in one spelling (each segment decoded and
 * encoded again, as Next's router decodes it), and the query string only where the page reads it.
 * `?utm_source=…`, a random query or `%61` for `a` is then the same kept page, not a new render
 * and a new entry pushing readers' pages out.
 */
export function responseCacheKey(url: string): string {
  const at = url.indexOf('?');
  const path = (at < 0 ? url : url.slice(0, at)).split('/').map(canonicalSegment).join('/');
  return at >= 0 && READS_QUERY.test(path) ? path + url.slice(at) : path;
}

const ROUTER_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-action'];

/** A fetch by Next's client router (admin pages run it), not a reader's request for a document. */
export function isRouterRequest(req: IncomingMessage): boolean {
  const { headers } = req;
  return ROUTER_HEADERS.some((h) => h in headers);
}

/**
 * Public URLs only read: any other method is refused here, before Next, so it
 * can neither run anything nor leave an answer in a cache that readers get.
 */
export function refuseMethod(req: IncomingMessage, res: ServerResponse) {
  // Read and drop the body, so the connection can serve the next request.
  req.resume();
  res.writeHead(405, {
    allow: 'GET, HEAD',
    'content-type': 'text/plain; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(null),
    'cache-control': 'no-store',
  });
  res.end('405 Method Not Allowed: 公开页面只接受 GET 和 HEAD。');
}

// Headers Next sets for its own cache and router, or that are set per response here.
const PER_RESPONSE = /^(content-length|content-encoding|etag|vary|date|connection|keep-alive|transfer-encoding|cache-control|content-security-policy|strict-transport-security|x-nextjs-.*)$/;

function keptHeaders(res: ServerResponse): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value !== undefined && !PER_RESPONSE.test(name)) kept[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  kept['content-security-policy'] = contentSecurityPolicy(null, { feed: /^(application\/rss\+xml|text\/xml)/.test(kept['content-type'] ?? '') });
  return kept;
}

/**
 * Public pages rendered per request from cached reads, the same for every reader: a search (its
 * results depend only on the query and the posts) and an article (see its page). Next marks them
 * private only because they read the request (the query string, the slug).
 */
const RENDERED_PER_REQUEST = /^\/(search|posts\/[^/?]+)(\?|$)/;

/**
 * The same bytes may go to every reader: a page Next served from its cache (not
 * STALE: that answer is already out of date, and a revalidation is under way),
 * or one of the pages above as the HTML document it is. Those are kept under their
 * path alone (responseCacheKey): any other answer a query string might draw from
 * Next is not what every reader of that path should get.
 */
function isShareable(req: IncomingMessage, res: ServerResponse): boolean {
  const nextCache = res.getHeader('x-nextjs-cache');
  const fromNextCache = nextCache !== undefined && nextCache !== 'STALE' && !/no-store|private/.test(String(res.getHeader('cache-control') ?? ''));
  const renderedPage = RENDERED_PER_REQUEST.test(req.url ?? '') && contentType(res).startsWith('text/html');
  return res.statusCode === 200 && !res.hasHeader('set-cookie') && (fromNextCache || renderedPage);
}

const INCOMPLETE = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>出错了</title><h1>页面暂时无法显示（500）</h1><p>请稍后再试。</p></html>';

type Finished = { response: PlainResponse; shareable: boolean };

/** Next's answer as readers get it: whole, and for HTML parsed and without scripts. */
async function finished(req: IncomingMessage, res: ServerResponse, captured: Buffer, notFoundPage: () => Promise<Buffer>): Promise<Finished> {
  const response = { status: res.statusCode, headers: keptHeaders(res), body: captured };
  // A page that called redirect(): the status and Location are the answer; the body is Next's client-side fallback.
  const location = ([] as unknown[]).concat(res.getHeader('location') ?? [])[0];
  if (res.statusCode >= 300 && res.statusCode < 400 && location) {
    return { response: { ...response, headers: { ...response.headers, location: String(location) }, body: Buffer.alloc(0) }, shareable: false };
  }
  if (!contentType(res).startsWith('text/html')) return { response, shareable: isShareable(req, res) };
  const html = captured.toString('utf8');
  const page = scriptFreePage(html);
  if ('html' in page) return { response: { ...response, body: Buffer.from(page.html) }, shareable: isShareable(req, res) };
  const headers = { ...response.headers, 'content-type': 'text/html; charset=utf-8' };
  if (page.errorDocument && res.statusCode === 404 && req.url !== NOT_FOUND_PATH) {
    return { response: { status: 404, headers, body: await notFoundPage() }, shareable: false };
  }
  // A public page must render whole: readers run no script, so streamed content would never appear.
  console.error(`Public page ${req.url} reached the web server incomplete (${page.incomplete}): answering 500.`);
  return { response: { status: 500, headers, body: Buffer.from(INCOMPLETE) }, shareable: false };
}

/** Tells the web server's thread (front.ts) that every reader may get this answer. */
export const KEEP_HEADER = 'x-inkwell-keep';

/**
 * A reader's GET, in Next's thread: Next's answer held back whole, cleaned once
 * (public-html.ts), and sent uncompressed to the web server's thread, which
 * keeps it (when KEEP_HEADER says so), compresses it and answers readers.
 */
export function createPublicRenderer(notFoundPage: () => Promise<Buffer>) {
  return (req: IncomingMessage, res: ServerResponse, handle: () => void) => {
    captureResponse(res, (captured) => {
      // finished() reads Next's status and headers before its first await; then they are cleared for ours.
      const outcome = finished(req, res, captured, notFoundPage);
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      outcome
        .then(({ response, shareable }) => {
          res.writeHead(response.status, { ...response.headers, ...(shareable ? { [KEEP_HEADER]: '1' } : {}), 'content-length': response.body.length });
          res.end(response.body);
        })
        .catch((error: unknown) => {
          console.error(`Public response for ${req.url} failed:`, error);
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end();
        });
    });
    handle();
  };
}
