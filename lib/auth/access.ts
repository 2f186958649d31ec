import { getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { db } from '@/lib/db';

/** Admin areas only admins may open; everything else under /admin is for editors too. */
export const ADMIN_ONLY_PATHS = ['/admin/users'];

export type Access = 'allowed' | 'sign-in' | 'forbidden';

/**
 * next-auth names and marks its cookies `__Secure-` when the site's origin is
 * https: NEXTAUTH_URL, or else the protocol a TLS-terminating proxy forwards.
 */
function usesSecureCookies(request: NextRequest): boolean {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return configured.startsWith('https://');
  const forwarded = request.headers.get('x-forwarded-proto');
  return forwarded !== null && forwarded !== 'http';
}

/** The proxy's decision for an /admin request, from the session token and the user's current row. */
export async function adminAccess(request: NextRequest): Promise<Access> {
  const { pathname } = request.nextUrl;
  if (pathname === '/admin/login') return 'allowed';
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, secureCookie: usesSecureCookies(request) });
  const id = Number(token?.sub);
  if (!Number.isInteger(id)) return 'sign-in';
  const user = await db.user.findUnique({ where: { id }, select: { role: true, disabled: true } });
  if (!user || user.disabled) return 'sign-in';
  if (user.role !== 'admin' && ADMIN_ONLY_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return 'forbidden';
  return 'allowed';
}
