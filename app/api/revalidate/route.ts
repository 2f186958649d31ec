import { timingSafeEqual } from 'node:crypto';
import { revalidatePath, revalidateTag } from 'next/cache';
import { CacheTags } from '@/lib/cache-tags';
import { z } from 'zod';
import { clearRedirectCache } from '@/lib/posts/redirects';

const bodySchema = z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(500) });

function authorized(request: Request): boolean {
  const secret = process.env.REVALIDATE_SECRET;
  const given = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
  if (!secret || given.length !== secret.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(secret));
}

/** For our own CLI and boot: expires cache tags so the next request is fresh. */
export async function POST(request: Request) {
  if (!authorized(request)) return Response.json({ error: 'unauthorized' }, { status: 401 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'body must be {"tags": ["…"]}' }, { status: 422 });
  for (const tag of parsed.data.tags) revalidateTag(tag, { expire: 0 });
  // Also the pages without data that were prerendered at build, so they render again
  // with this server's CSP render nonce (lib/security/csp.ts).
  if (parsed.data.tags.includes(CacheTags.site)) revalidatePath('/', 'layout');
  clearRedirectCache();
  return new Response(null, { status: 204 });
}
