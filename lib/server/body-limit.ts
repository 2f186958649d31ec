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

function tooLarge(req: IncomingMessage, res: ServerResponse) {
  if (!res.headersSent) {
    res.writeHead(413, {
      'content-type': 'text/plain; charset=utf-8',
      'content-security-policy': contentSecurityPolicy(null),
      'cache-control': 'no-store',
      connection: 'close',
    });
  }
  // The connection goes once the answer is out: destroyed at once, it could take the 413 with it
  // while the client is still sending, and the client would see a reset instead.
  res.end('413 Payload Too Large: 请求体过大。', () => req.destroy());
}
