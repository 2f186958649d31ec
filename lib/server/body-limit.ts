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
  if (!(length > ORDINARY_BODY_BYTES)) return false;
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/admin/import' && hasSessionCookie(req)) return false;
  res.writeHead(413, {
    'content-type': 'text/plain; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(null),
    'cache-control': 'no-store',
    connection: 'close',
  });
  res.end('413 Payload Too Large: 请求体过大。');
  req.destroy();
  return true;
}
