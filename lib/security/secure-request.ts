import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { clientAddress, isTrusted, normalizeAddress, trustedProxies } from './client-address';
import { CLIENT_HEADER, stampValue } from './client-stamp';

export const HSTS = 'max-age=31536000';
export const ADMIN_CACHE_CONTROL = 'private, no-store';

const joined = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);
const first = (value: string | string[] | undefined) => joined(value)?.split(',')[0]?.trim().toLowerCase();

/** Keeps one header at a fixed value whatever is set later (Next's, or the nonce swap's no-cache). */
function pinHeader(res: ServerResponse, name: string, value: string) {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = ((header: string, next: Parameters<ServerResponse['setHeader']>[1]) =>
    setHeader(header, header.toLowerCase() === name ? value : next)) as ServerResponse['setHeader'];
  setHeader(name, value);
}

/**
 * First thing the web server does with every request (scripts/serve.ts):
 * stamps the client's address, taken from the socket and TRUSTED_PROXIES, on the
 * request (replacing any a client sent); sends HSTS when the request came over
 * HTTPS (a TLS socket, or X-Forwarded-Proto from a trusted proxy); and marks
 * every admin response `private, no-store`.
 */
export function secureRequest(req: IncomingMessage, res: ServerResponse): void {
  if (CLIENT_HEADER in req.headers) delete req.headers[CLIENT_HEADER];
  const trusted = trustedProxies();
  const forwardedProto = req.headers['x-forwarded-proto'];
  // The peer is looked up only when a proxy claims HTTPS: most requests need no address work.
  const viaTrustedProxy = () => {
    const peer = normalizeAddress(req.socket.remoteAddress);
    return peer !== null && isTrusted(trusted, peer);
  };
  const https = (req.socket as TLSSocket).encrypted === true || (first(forwardedProto) === 'https' && viaTrustedProxy());
  if (https) res.setHeader('strict-transport-security', HSTS);
  const url = req.url ?? '/';
  // Only the admin and the API read the stamp (sign-in, sessions): readers' pages skip the HMAC.
  if (!/^\/(admin|api)(\/|\?|$)/.test(url)) return;
  const address = clientAddress(req.socket.remoteAddress, joined(req.headers['x-forwarded-for']), trusted);
  req.headers[CLIENT_HEADER] = stampValue({ address, https });
  if (/^\/admin(\/|\?|$)/.test(url)) pinHeader(res, 'cache-control', ADMIN_CACHE_CONTROL);
}
