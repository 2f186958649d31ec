import type { IncomingMessage, ServerResponse } from 'node:http';
import { secureRequest } from '@/lib/security/secure-request';
import { limitStreamedBody, refuseLargeBody } from './body-limit';
import { isPublicUrl, isRouterRequest, KEEP_HEADER, refuseMethod, responseCacheKey, SELF_CACHED_URL } from './public-responses';
import type { PlainResponse, ResponseCache } from './response-cache';
import { sendKept, sendOnce, sendReady } from './send-response';
import { endToEnd, type Upstream } from './upstream';

export interface FrontOptions {
  upstream: Upstream;
  /** The response cache, holding the invalidation version as Next's thread last told it. */
  cache: ResponseCache;
  /** Resolves once every invalidation Next's thread has made so far is known here. */
  settled: () => Promise<void>;
}

const FEED = '/feed.xml';
const FEED_VIEW = '/feed-view.xml';

// Set by the web server itself; what Next's thread said, or a length this server recomputes.
const NOT_KEPT = ['content-length', 'date', KEEP_HEADER];

function fail(url: string | undefined, res: ServerResponse, error: unknown) {
  console.error(`Response for ${url} failed:`, error);
  if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end();
}

/** Next's whole answer to a reader's GET, as cleaned by its thread (public-responses.ts), and whether every reader may get it. */
async function fetchWhole(upstream: Upstream, req: IncomingMessage): Promise<{ response: PlainResponse; keep: boolean }> {
  // Next's thread sends the body whole and uncompressed: the 304 and the encoding are decided here.
  const answer = await upstream.fetch({ method: 'GET', path: req.url ?? '/', headers: endToEnd(req.headers, ['accept-encoding', 'if-none-match']) });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(endToEnd(answer.headers, NOT_KEPT))) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  // The feed's URL answers a browser and a feed reader differently (see below): caches in front must keep both.
  if (req.url === FEED || req.url === FEED_VIEW) headers.vary = 'Accept';
  return { response: { status: answer.status, headers, body: answer.body }, keep: answer.headers[KEEP_HEADER] === '1' };
}

/**
 * The web server's own thread (front-worker.ts): every request arrives here.
 * Public pages come from the response cache, or else from Next's thread whole
 * and are kept when every reader may get them; everything else (the admin, the
 * API, Next's files) is relayed to Next as it streams. This thread never runs
 * Next, so a cached page costs what a static file server's answer does.
 */
export function createFrontHandler({ upstream, cache, settled }: FrontOptions) {
  function servePublic(req: IncomingMessage, res: ServerResponse) {
    const key = responseCacheKey(req.url ?? '/');
    const validator = req.headers['if-none-match'];
    const cached = cache.lookup(key);
    if (cached) {
      if (!sendReady(req, res, { entry: cached, status: 'HIT', validator })) sendKept(req, res, { cache, key, entry: cached, status: 'HIT', validator }).catch((e) => fail(key, res, e));
      return;
    }
    const since = cache.version();
    fetchWhole(upstream, req)
      .then(({ response, keep }) =>
        keep ? sendKept(req, res, { cache, key, entry: cache.store(key, response, since), status: 'MISS', validator }) : sendOnce(req, res, response),
      )
      .catch((e) => fail(key, res, e));
  }

  function relay(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? 'GET';
    let abandoned = false;
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || 'transfer-encoding' in req.headers;
    const inner = upstream.request({ method, path: req.url ?? '/', headers: endToEnd(req.headers), body: hasBody ? req : undefined }, (answer) => {
      // A write (a save, a sign-in) is answered only once its invalidations are known here: the next page read is fresh.
      const ready = method === 'GET' || method === 'HEAD' ? Promise.resolve() : settled();
      void ready.then(() => {
        if (abandoned) return void answer.resume();
        for (const [name, value] of Object.entries(endToEnd(answer.headers))) if (value !== undefined) res.setHeader(name, value);
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage);
        answer.pipe(res);
      });
    });
    // A client that goes away (a cancelled prefetch, a closed tab) takes Next's half of the exchange with it, quietly.
    res.on('close', () => {
      if (res.writableFinished) return;
      abandoned = true;
      inner.destroy();
    });
    limitStreamedBody(req, res, () => {
      abandoned = true;
      inner.destroy();
    });
    inner.onError((e) => {
      if (!abandoned) fail(req.url, res, e);
    });
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    // The client's address for sign-in limits, HSTS, admin no-store: before anything answers.
    secureRequest(req, res);
    const { headers } = req;
    // Next takes the script nonce from this request header: only proxy.ts may set it.
    if ('content-security-policy' in headers) delete headers['content-security-policy'];
    if ('content-security-policy-report-only' in headers) delete headers['content-security-policy-report-only'];
    if ('content-length' in headers && refuseLargeBody(req, res)) return;
    // A browser opening the feed gets it as XML it renders through the feed's stylesheet; feed readers get RSS.
    if (req.url === FEED && /\btext\/html\b/.test(headers.accept ?? '')) req.url = FEED_VIEW;
    if (isPublicUrl(req.url)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuseMethod(req, res);
      if (!isRouterRequest(req) && !SELF_CACHED_URL.test(req.url ?? '/')) return servePublic(req, res);
    }
    relay(req, res);
  };
}
