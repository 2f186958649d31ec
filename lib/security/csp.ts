import { createHmac, randomBytes } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';

/**
 * Cached pages are rendered once and served many times, but a CSP nonce must be
 * new for every response. So every render uses one secret placeholder nonce
 * (derived from the auth secret, the same on every instance and after restarts,
 * never sent to a browser), and each response swaps it for a fresh one. Only
 * scripts Next emitted while rendering carry the placeholder; the sanitizer
 * strips `nonce` from bodies, and a body could not know the secret anyway.
 */
export function renderNonce(secret: string): string {
  return createHmac('sha256', secret).update('inkwell csp render nonce').digest().subarray(0, 16).toString('base64');
}

/** A new nonce for one response. */
export function freshNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonced loader fetch its chunks; 'self' is for browsers without CSP 3.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
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

/**
 * What Next and React emit without a nonce when a page is prerendered for the
 * cache (React's static prerender takes none): the bootstrap script and its
 * preload, both for a file of the build, and one fixed timing snippet. Bodies
 * cannot produce these (the sanitizer allows no script or link), and even if
 * one did, it could only load the site's own build files.
 */
const BUILD_FILE = String.raw`/_next/static/[\w./-]+\.js`;
const UNNONCED = [
  new RegExp(String.raw`(<script src="${BUILD_FILE}" id="_R_" async="")>`, 'g'),
  new RegExp(String.raw`(<link rel="preload" as="script"(?: [a-zA-Z]+="[^"<>]*")* href="${BUILD_FILE}")/>`, 'g'),
  new RegExp(String.raw`(<script)(>requestAnimationFrame\(function\(\)\{\$RT=performance\.now\(\)\}\);</script>)`, 'g'),
];
/** Longer than anything the patterns match. */
const WINDOW = 512;

/** Puts this response's nonce on every script Next emitted for the page (and in its RSC payload), and nowhere else. */
export function rewriteNonces(html: string, placeholder: string, nonce: string): string {
  // Attributes, and the nonce React carries in the RSC payload.
  let out = html.replaceAll(placeholder, nonce);
  out = out.replace(UNNONCED[0]!, `$1 nonce="${nonce}">`).replace(UNNONCED[1]!, `$1 nonce="${nonce}"/>`);
  return out.replace(UNNONCED[2]!, `$1 nonce="${nonce}"$2`);
}

/**
 * rewriteNonces over an HTML stream cut at arbitrary points. It holds back the
 * end from the first `<` within WINDOW characters, where a match could still be
 * incomplete; rewriting is idempotent, so the held text is safely looked at again.
 */
export function createNonceRewriter(placeholder: string, nonce: string) {
  const decoder = new StringDecoder('utf8');
  let held = '';
  return {
    push(chunk: Buffer): Buffer {
      const text = rewriteNonces(held + decoder.write(chunk), placeholder, nonce);
      const from = text.indexOf('<', Math.max(0, text.length - WINDOW));
      const cut = from === -1 ? text.length : from;
      held = text.slice(cut);
      return Buffer.from(text.slice(0, cut));
    },
    end(): Buffer {
      const rest = rewriteNonces(held + decoder.end(), placeholder, nonce);
      held = '';
      return Buffer.from(rest);
    },
  };
}
