import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import { contentSecurityPolicy, createNonceRewriter, freshNonce, renderNonce } from '@/lib/security/csp';
import { isPublicDocument, servePublic } from '@/lib/server/public-responses';
import { contentType, isText, transformBody } from '@/lib/server/response-hooks';

/** What this needs of `next()`'s app. */
interface NextApp {
  getRequestHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/** Admin pages, API answers and client-router fetches: streamed, each with this response's nonce. */
function swapNonce(res: ServerResponse, placeholder: string, nonce: string) {
  let rewriter: ReturnType<typeof createNonceRewriter> | null | undefined;
  transformBody(
    res,
    (chunk) => {
      rewriter ??= isText(res) ? createNonceRewriter(placeholder, nonce) : null;
      return rewriter ? rewriter.push(chunk) : chunk;
    },
    () => rewriter?.end() ?? Buffer.alloc(0),
    () => {
      if (contentType(res).startsWith('text/html')) {
        res.removeHeader('etag');
        res.setHeader('cache-control', 'private, no-cache');
      }
      if (isText(res)) res.removeHeader('content-length');
    },
  );
}

/**
 * Next's request handler, plus: public pages without scripts, kept whole and
 * compressed once (lib/server/public-responses.ts); a CSP nonce new for every
 * response that runs scripts (lib/security/csp.ts); compression after both.
 */
export function createRequestHandler(app: NextApp, secret: string): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = app.getRequestHandler();
  const placeholder = renderNonce(secret);
  const renderPolicy = contentSecurityPolicy(placeholder);
  const compress = compression();
  return (req, res) => {
    req.headers['content-security-policy'] = renderPolicy;
    delete req.headers['content-security-policy-report-only'];
    if (isPublicDocument(req)) return servePublic(req, res, () => void handle(req, res), placeholder);
    compress(req as never, res as never, () => {
      if (!req.url?.startsWith('/_next/static/')) {
        if (req.headers.accept?.includes('text/html')) delete req.headers['if-none-match'];
        const nonce = freshNonce();
        res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
        swapNonce(res, placeholder, nonce);
      }
      void handle(req, res);
    });
  };
}
