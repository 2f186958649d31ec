import { createHmac } from 'node:crypto';
import { secretsEqual } from '@/lib/security/compare';

/** How long a draft preview link lives, unless asked otherwise. */
export const PREVIEW_HOURS = 72;

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(`inkwell draft preview\0${payload}`).digest('base64url');

/** `<post id>.<expiry in seconds>.<signature>`: whoever holds it may read that post until then. */
export function previewToken(postId: number, expiresAt: Date, secret = process.env.NEXTAUTH_SECRET ?? ''): string {
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set: cannot sign preview links');
  const payload = `${postId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${sign(payload, secret)}`;
}

/** The post a token opens, or null when it is malformed, forged or expired. */
export function readPreviewToken(token: string, now = new Date(), secret = process.env.NEXTAUTH_SECRET ?? ''): { postId: number; expiresAt: Date } | null {
  const match = /^(\d{1,10})\.(\d{1,12})\.([\w-]{43})$/.exec(token);
  if (!match || !secret) return null;
  const [, id, expires, signature] = match;
  if (!secretsEqual(signature!, sign(`${id}.${expires}`, secret))) return null;
  const expiresAt = new Date(Number(expires) * 1000);
  return expiresAt > now ? { postId: Number(id), expiresAt } : null;
}
