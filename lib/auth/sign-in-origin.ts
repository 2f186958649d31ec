import { CLIENT_HEADER, readStamp } from '@/lib/security/client-stamp';
import type { SignInOrigin } from './credentials';
import { DEVICE_COOKIE, readDeviceCookie } from './known-device';

type Headers = Record<string, string | string[] | undefined> | undefined;

function cookie(headers: Headers, name: string): string | undefined {
  const raw = headers?.cookie;
  for (const pair of (Array.isArray(raw) ? raw.join('; ') : (raw ?? '')).split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * Where a sign-in comes from, from the request headers next-auth hands to
 * authorize(): the address the web server stamped (lib/security/secure-request.ts;
 * "unknown", one shared bucket, when the app runs without it) and the
 * known-device cookie.
 */
export function signInOrigin(headers: Headers): SignInOrigin & { https: boolean } {
  const stamp = readStamp(headers?.[CLIENT_HEADER]);
  return { address: stamp?.address ?? 'unknown', https: stamp?.https ?? false, device: readDeviceCookie(cookie(headers, DEVICE_COOKIE)) };
}
