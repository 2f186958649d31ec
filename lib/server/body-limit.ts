import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '@/lib/security/csp';

/** What any request may send, but an upload to the admin's import by a signed-in browser. */
export const ORDINARY_BODY_BYTES = 10 * 1024 * 1024;

const hasSessionCookie = (req: IncomingMessage) => /(^|;\s*)(__Secure-)?next-auth\.session-token=/.test(req.headers.cookie ?? '');

/**
 * Next reads a request's whole body before `proxy.ts` can refuse it, up to the
 * upload limit (next.config.mjs). So a large body is refused here, before Next:
 * anywhere but `/admin/import`, and there without a session cookie (the import
 * action checks the session itself). Returns true when it answered.
 */
export function refuseLargeBody(req: IncomingMessage, res: ServerResponse): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  if (!(length > bodyLimitOf(req))) return false;
  tooLarge(req, res);
  return true;
}

/** How many body bytes this request may send. */
export function bodyLimitOf(req: IncomingMessage): number {
  const path = (req.url ?? '/').split('?')[0];
  return path === '/admin/import' && hasSessionCookie(req) ? Infinity : ORDINARY_BODY_BYTES;
}

/**
 * A body sent without a length (chunked) is counted as it streams on to Next,
 * and cut off with 413 at the same limit.
 */
export function limitStreamedBody(req: IncomingMessage, res: ServerResponse, stopRelay: () => void): void {
  const limit = bodyLimitOf(req);
  if (limit === Infinity || 'content-length' in req.headers) return;
  let received = 0;
  const count = (chunk: Buffer) => {
    received += chunk.length;
    if (received <= limit) return;
    req.off('data', count);
    req.unpipe();
    stopRelay();
    tooLarge(req, res);
  };
  req.on('data', count);
}

/** How long a refused upload is read (and dropped) after the 413, before its connection is cut. */
const LINGER_MS = 5_000;

function tooLarge(req: IncomingMessage, res: ServerResponse) {
  if (!res.headersSent) {
    // No `connection: close`: Node would then close the socket as soon as the answer is written, with the
    // client's unread upload in it, and that close is a reset that can destroy the 413 before the client reads it.
    res.writeHead(413, {
      'content-type': 'text/plain; charset=utf-8',
      'content-security-policy': contentSecurityPolicy(null),
      'cache-control': 'no-store',
    });
  }
  // What the client still sends is read and dropped while the answer goes out.
  req.resume();
  res.end('413 Payload Too Large: 请求体过大。', () => linger(req.socket));
}

/** A lingering close: our side ends (the client sees the answer, then the end), the rest of the upload is dropped, and the socket goes after a while. */
function linger(socket: IncomingMessage['socket']) {
  socket.end();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}
