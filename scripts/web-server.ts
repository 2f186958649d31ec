import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import compression from 'compression';
import next from 'next';
import { contentSecurityPolicy, createNonceRewriter, freshNonce, renderNonce } from '@/lib/security/csp';
import { secureRequest } from '@/lib/security/secure-request';
import { isPublicDocument, servePublic } from '@/lib/server/public-responses';
import { contentType, isText, transformBody } from '@/lib/server/response-hooks';

/**
 * `next start`, plus: public pages without scripts, kept whole and compressed
 * once (lib/server/public-responses.ts); a Content-Security-Policy nonce new for
 * every response that runs scripts, cached pages included (lib/security/csp.ts);
 * compression after both (next.config.mjs turns Next's own off).
 */
const port = Number(process.env.PORT ?? 3000);
const secret = process.env.NEXTAUTH_SECRET;
if (!secret) throw new Error('NEXTAUTH_SECRET is not set: the CSP render nonce is derived from it');
const placeholder = renderNonce(secret);
const renderPolicy = contentSecurityPolicy(placeholder);

/** Admin pages, API answers and client-router fetches: streamed, each with this response's nonce. */
function swapNonce(res: ServerResponse, nonce: string) {
  let rewriter: ReturnType<typeof createNonceRewriter> | null | undefined;
  transformBody(
    res,
    (chunk) => {
      rewriter ??= isText(res) ? createNonceRewriter(placeholder, nonce) : null;
      return rewriter ? rewriter.push(chunk) : chunk;
    },
    () => rewriter?.end() ?? Buffer.alloc(0),
    () => {
      // A page's body differs per response: no validator, and no shared cache may keep one reader's nonce.
      if (contentType(res).startsWith('text/html')) {
        res.removeHeader('etag');
        res.setHeader('cache-control', 'private, no-cache');
      }
      // A rewritten body may change length.
      if (isText(res)) res.removeHeader('content-length');
    },
  );
}

const app = next({ dev: false, dir: process.cwd(), port });
await app.prepare();
const handle = app.getRequestHandler();
const compress = compression();

function serve(req: IncomingMessage, res: ServerResponse) {
  secureRequest(req, res);
  // Next takes the nonce for its scripts from this request header; a client's own is discarded.
  req.headers['content-security-policy'] = renderPolicy;
  delete req.headers['content-security-policy-report-only'];
  if (isPublicDocument(req)) {
    return servePublic(req, res, () => void handle(req, res), placeholder);
  }
  // Compression wraps the response first, so the nonce swap (wrapped after) sees Next's bytes before it does.
  compress(req as never, res as never, () => {
    if (!req.url?.startsWith('/_next/static/')) {
      // A page's bytes change with every nonce: never answer 304 with an old one.
      if (req.headers.accept?.includes('text/html')) delete req.headers['if-none-match'];
      const nonce = freshNonce();
      res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
      swapNonce(res, nonce);
    }
    void handle(req, res);
  });
}

const server = createServer(serve);
server.listen(port, () => console.log(`▲ Next.js serving on http://localhost:${port} (with per-response CSP nonces)`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
