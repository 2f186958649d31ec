import { NextResponse, type NextRequest } from 'next/server';
import { adminAccess } from '@/lib/auth/access';
import { decodeParam } from '@/lib/params';
import { getDraftPreview } from '@/lib/posts/preview';
import { findRedirect, findTagRedirect } from '@/lib/posts/redirects';
import { contentSecurityPolicy, freshNonce } from '@/lib/security/csp';
import { postPath, tagPath } from '@/lib/site';

/** Old post slugs and merged tags answer 301 with the current URL (a page can only send 308). */
async function redirectOldSlug(request: NextRequest) {
  const [, section, raw = ''] = request.nextUrl.pathname.split('/');
  const slug = decodeParam(raw);
  const [find, toPath] = section === 'tags' ? [findTagRedirect, tagPath] : [findRedirect, postPath];
  const target = slug ? await find(slug).catch(() => null) : null;
  if (!target || target === slug) return NextResponse.next();
  return NextResponse.redirect(new URL(toPath(target), request.url), 301);
}

/**
 * Admin pages run Next's scripts: a nonce new for every request, set in the
 * request's policy header, which Next reads and puts on every script it emits
 * (admin pages render per request for this: app/(admin)/admin/layout.tsx).
 */
function nextWithNonce(request: NextRequest) {
  const policy = contentSecurityPolicy(freshNonce());
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

/**
 * Gives admin requests their HTTP status before a page starts streaming (which
 * fixes it at 200). Pages, actions and handlers still check the session themselves.
 */
async function guardAdmin(request: NextRequest) {
  let access;
  try {
    access = await adminAccess(request);
  } catch {
    return new NextResponse('503 Service Unavailable: 数据库暂时无法连接，请稍后再试。', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '30' },
    });
  }
  if (access === 'allowed') return nextWithNonce(request);
  const isAction = request.method !== 'GET' && request.method !== 'HEAD';
  if (access === 'forbidden') return new NextResponse('403 Forbidden: 此页面仅限管理员访问。', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (isAction) return new NextResponse('401 Unauthorized: 请先登录。', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const login = new URL('/admin/login', request.url);
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

/** A draft preview link that is forged, expired, or whose post is published or gone: 404 before the page streams (which fixes 200). */
async function guardPreview(request: NextRequest) {
  const token = decodeParam(request.nextUrl.pathname.split('/')[2] ?? '');
  const live = token ? await getDraftPreview(token).catch(() => null) : null;
  if (live) return NextResponse.next();
  return new NextResponse('404 Not Found: 预览链接无效、已过期，或文章已发布。', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' },
  });
}

export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith('/admin')) return guardAdmin(request);
  if (request.nextUrl.pathname.startsWith('/preview/')) return guardPreview(request);
  return redirectOldSlug(request);
}

export const config = { matcher: ['/posts/:slug', '/tags/:slug', '/preview/:token', '/admin', '/admin/:path*'] };
