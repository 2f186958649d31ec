import { z } from 'zod';
import { revalidatePublic } from '@/lib/cache/revalidate';
import { secretsEqual } from '@/lib/security/compare';

const bodySchema = z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(500) });

function authorized(request: Request): boolean {
  const given = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
  return secretsEqual(given, process.env.REVALIDATE_SECRET ?? '');
}

/** For our own CLI and boot: expires cache tags so the next request is fresh. */
export async function POST(request: Request) {
  if (!authorized(request)) return Response.json({ error: 'unauthorized' }, { status: 401 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'body must be {"tags": ["…"]}' }, { status: 422 });
  await revalidatePublic(parsed.data.tags);
  return new Response(null, { status: 204 });
}
