import type { IncomingMessage, ServerResponse } from 'node:http';
import type next from 'next';
import { invalidationVersion } from '@/lib/cache/generation';
import { contentSecurityPolicy } from '@/lib/security/csp';
import { refuseLargeBody } from './body-limit';
import { createPublicResponder, isPublicDocument, isPublicUrl, refuseMethod } from './public-responses';
import { createResponseCache } from './response-cache';

type NextApp = ReturnType<typeof next>;

/**
 * Public URLs that answer with their own caching, past the response cache:
 * media files (content-hashed, `immutable` for a year) and draft previews
 * (`private, no-store`: never kept, never shared).
 */
export const SELF_CACHED_URL = /^\/(media|preview)\//;

/**
 * What the web server does with a request, around Next's own handler:
 * public pages without scripts, kept whole and compressed once
 * (public-responses.ts); other methods on public URLs refused; everything
 * else (admin, API, build files) straight to Next, which compresses them, with
 * a script-free policy that proxy.ts replaces by a nonce policy for admin pages.
 */
export function createRequestHandler(app: NextApp): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = app.getRequestHandler();
  const servePublic = createPublicResponder(createResponseCache(), invalidationVersion);
  return (req, res) => {
    // Next takes the script nonce from this request header: only proxy.ts may set it.
    if ('content-security-policy' in req.headers) delete req.headers['content-security-policy'];
    if ('content-security-policy-report-only' in req.headers) delete req.headers['content-security-policy-report-only'];
    if (refuseLargeBody(req, res)) return;
    if (isPublicUrl(req.url) && req.method !== 'GET' && req.method !== 'HEAD') return refuseMethod(req, res);
    if (isPublicDocument(req) && !SELF_CACHED_URL.test(req.url ?? '/')) return servePublic(req, res, () => void handle(req, res));
    if (req.url?.startsWith('/preview/')) res.setHeader('x-robots-tag', 'noindex, nofollow');
    res.setHeader('content-security-policy', contentSecurityPolicy(null));
    void handle(req, res);
  };
}
