import { NextResponse, type NextRequest } from 'next/server';
import { decodeParam } from '@/lib/params';
import { findRedirect } from '@/lib/posts/redirects';
import { postPath } from '@/lib/site';

/** Old post slugs answer 301 with the current URL (a page can only send 308). */
export async function proxy(request: NextRequest) {
  const slug = decodeParam(request.nextUrl.pathname.slice('/posts/'.length).replace(/\/$/, ''));
  const target = slug ? await findRedirect(slug).catch(() => null) : null;
  if (!target || target === slug) return NextResponse.next();
  return NextResponse.redirect(new URL(postPath(target), request.url), 301);
}

export const config = { matcher: '/posts/:slug' };
