import { getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { findActiveSession } from './sessions';

/** Admin areas only admins may open; everything else under /admin is for editors too. */
export const ADMIN_ONLY_PATHS = ['/admin/users', '/admin/settings'];

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

/** The proxy's decision for an /admin request, from the session token and its session's current row. */
export async function adminAccess(request: NextRequest): Promise<Access> {
  const { pathname } = request.nextUrl;
  if (pathname === '/admin/login') return 'allowed';
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, secureCookie: usesSecureCookies(request) });
  const session = await findActiveSession(token?.sid);
  if (!session) return 'sign-in';
  if (session.user.role !== 'admin' && ADMIN_ONLY_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return 'forbidden';
  return 'allowed';
}
