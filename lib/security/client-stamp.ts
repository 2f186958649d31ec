import { createHmac } from 'node:crypto';
import { secretsEqual } from './compare';

/**
 * The web server's word on where a request came from, as a request header:
 * `<client address> <http|https> <signature>`. The server deletes any copy a
 * client sends and signs its own, so code behind it (next-auth's authorize(),
 * which never sees the socket) can believe it.
 */
export const CLIENT_HEADER = 'x-inkwell-client';

export interface ClientStamp {
  address: string;
  https: boolean;
}

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(`inkwell client stamp\0${payload}`).digest('base64url');

export function stampValue(stamp: ClientStamp, secret = process.env.NEXTAUTH_SECRET ?? ''): string {
  const payload = `${stamp.address} ${stamp.https ? 'https' : 'http'}`;
  return `${payload} ${sign(payload, secret)}`;
}

/** The stamp on a request, or null when there is none or its signature is wrong. */
export function readStamp(value: string | string[] | null | undefined, secret = process.env.NEXTAUTH_SECRET ?? ''): ClientStamp | null {
  const [address, scheme, signature] = (Array.isArray(value) ? value[0] : value)?.split(' ') ?? [];
  if (!secret || !address || !scheme || !signature) return null;
  if (!secretsEqual(signature, sign(`${address} ${scheme}`, secret))) return null;
  return { address, https: scheme === 'https' };
}
