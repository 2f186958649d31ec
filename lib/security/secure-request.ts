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
  const { headers } = req;
  if (CLIENT_HEADER in headers) delete headers[CLIENT_HEADER];
  // The proxy list and the peer are looked up only when they can matter: most requests are readers' pages over plain HTTP.
  const https = (req.socket as TLSSocket).encrypted === true || (first(headers['x-forwarded-proto']) === 'https' && fromTrustedProxy(req));
  if (https) res.setHeader('strict-transport-security', HSTS);
  const url = req.url ?? '/';
  // Only the admin and the API read the stamp (sign-in, sessions): readers' pages skip the HMAC.
  if (!/^\/(admin|api)(\/|\?|$)/.test(url)) return;
  const address = clientAddress(req.socket.remoteAddress, joined(headers['x-forwarded-for']), trustedProxies());
  headers[CLIENT_HEADER] = stampValue({ address, https });
  if (url.startsWith('/admin')) pinHeader(res, 'cache-control', ADMIN_CACHE_CONTROL);
}

function fromTrustedProxy(req: IncomingMessage): boolean {
  const peer = normalizeAddress(req.socket.remoteAddress);
  return peer !== null && isTrusted(trustedProxies(), peer);
}
