import { randomBytes } from 'node:crypto';

/** A new nonce for one admin request (proxy.ts). */
export function freshNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * With a nonce for pages that run Next's scripts (the admin, whose nonce Next
 * reads from the request's own policy header); without, for pages that ship no
 * script at all (every public page).
 */
export function contentSecurityPolicy(nonce: string | null, { feed = false }: { feed?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonced loader fetch its chunks; 'self' is for browsers without CSP 3.
    // A feed runs nothing, but browsers check its XSLT stylesheet (/feed.xsl) against script-src.
    nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'` : feed ? "script-src 'self'" : "script-src 'none'",
    // React sets style attributes; no script can come in through styles.
    "style-src 'self' 'unsafe-inline'",
    // Bodies embed images from anywhere on the web.
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
