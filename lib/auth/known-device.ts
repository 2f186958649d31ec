import { createHmac, randomBytes } from 'node:crypto';
import { secretsEqual } from '@/lib/security/compare';

/**
 * A browser that has signed in to an account before carries this cookie. It
 * proves nothing alone, but the right password from it is never made to wait
 * for failures an attacker ran up elsewhere: that is how the owner gets in
 * while someone guesses at the account.
 */
export const DEVICE_COOKIE = 'inkwell-device';
export const DEVICE_COOKIE_MAX_AGE = 180 * 24 * 60 * 60;

export interface KnownDevice {
  userId: number;
  id: string;
}

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(`inkwell device\0${payload}`).digest('base64url');

export const newDeviceId = () => randomBytes(16).toString('base64url');

export function deviceCookieValue(device: KnownDevice, secret = process.env.NEXTAUTH_SECRET ?? ''): string {
  const payload = `${device.userId}.${device.id}`;
  return `${payload}.${sign(payload, secret)}`;
}

/** The device a cookie names, or null when it is missing, malformed or not signed by us. */
export function readDeviceCookie(value: string | undefined, secret = process.env.NEXTAUTH_SECRET ?? ''): KnownDevice | null {
  const match = /^(\d{1,10})\.([\w-]{16,64})\.([\w-]+)$/.exec(value ?? '');
  if (!match || !secret || !secretsEqual(match[3]!, sign(`${match[1]}.${match[2]}`, secret))) return null;
  return { userId: Number(match[1]), id: match[2]! };
}
