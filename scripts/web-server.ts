import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import compression from 'compression';
import next from 'next';
import { contentSecurityPolicy, createNonceRewriter, freshNonce, renderNonce } from '@/lib/security/csp';

/**
 * `next start`, plus a Content-Security-Policy with a nonce that is new for every
 * response, cached pages included (lib/security/csp.ts). Compression happens
 * here, after the swap (next.config.mjs turns Next's own off).
 */
const port = Number(process.env.PORT ?? 3000);
const secret = process.env.NEXTAUTH_SECRET;
if (!secret) throw new Error('NEXTAUTH_SECRET is not set: the CSP render nonce is derived from it');
const placeholder = renderNonce(secret);
const renderPolicy = contentSecurityPolicy(placeholder);

type Callback = (error?: Error | null) => void;
type Encoding = BufferEncoding | Callback | undefined;

function toBuffer(chunk: unknown, encoding: Encoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? encoding : 'utf8');
}

const contentType = (res: ServerResponse) => String(res.getHeader('content-type') ?? '');
const isHtml = (res: ServerResponse) => contentType(res).startsWith('text/html');
/** Pages, RSC payloads (text/x-component) and the like may hold the render nonce; images and fonts cannot. */
const isText = (res: ServerResponse) => /^text\/|json|xml/.test(contentType(res));

/** Text bodies pass through the rewriter on their way to compression and the socket; others untouched. */
function swapNonce(res: ServerResponse, nonce: string) {
  let rewriter: ReturnType<typeof createNonceRewriter> | null | undefined;
  const through = (chunk: Buffer) => {
    if (rewriter === undefined) rewriter = isText(res) ? createNonceRewriter(placeholder, nonce) : null;
    return rewriter ? rewriter.push(chunk) : chunk;
  };
  const rest = () => rewriter?.end() ?? Buffer.alloc(0);
  const write = res.write.bind(res) as (chunk: Buffer, cb?: Callback) => boolean;
  const end = res.end.bind(res) as (chunk?: Buffer, cb?: () => void) => ServerResponse;
  const writeHead = res.writeHead.bind(res);
  res.write = ((chunk: unknown, encoding?: Encoding, cb?: Callback) => {
    const callback = typeof encoding === 'function' ? encoding : cb;
    return write(through(toBuffer(chunk, encoding)), callback);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, encoding?: Encoding, cb?: () => void) => {
    if (typeof chunk === 'function') return end(rest(), chunk as () => void);
    const callback = (typeof encoding === 'function' ? encoding : cb) as (() => void) | undefined;
    const last = chunk == null ? Buffer.alloc(0) : through(toBuffer(chunk, encoding));
    return end(Buffer.concat([last, rest()]), callback);
  }) as ServerResponse['end'];
  res.writeHead = ((...args: Parameters<ServerResponse['writeHead']>) => {
    // A page's body now differs per response: no validator, and no shared cache may keep
    // one reader's nonce for the next (Next's s-maxage is for its own, tag-revalidated cache).
    if (isHtml(res)) {
      res.removeHeader('etag');
      res.setHeader('cache-control', 'private, no-cache');
    }
    // A rewritten body may change length.
    if (isText(res)) res.removeHeader('content-length');
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
}

const app = next({ dev: false, dir: process.cwd(), port });
await app.prepare();
const handle = app.getRequestHandler();
const compress = compression();

function serve(req: IncomingMessage, res: ServerResponse) {
  if (!req.url?.startsWith('/_next/static/')) {
    // Next takes the nonce for its scripts from this request header; a client's own is discarded.
    req.headers['content-security-policy'] = renderPolicy;
    delete req.headers['content-security-policy-report-only'];
    // A page's bytes change with every nonce: never answer 304 with an old one.
    if (req.headers.accept?.includes('text/html')) delete req.headers['if-none-match'];
    const nonce = freshNonce();
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    swapNonce(res, nonce);
  }
  void handle(req, res);
}

const server = createServer((req, res) => compress(req as never, res as never, () => serve(req, res)));
server.listen(port, () => console.log(`▲ Next.js serving on http://localhost:${port} (with per-response CSP nonces)`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
