import { connection } from 'next/server';
import { readMediaFile } from '@/lib/media/serve';

/**
 * Images of the media library, for anyone (readers need no session): the name is
 * the content's hash, so an answer never changes and may be kept for a year.
 */
export async function GET(_request: Request, { params }: RouteContext<'/media/[file]'>) {
  await connection();
  const file = await readMediaFile((await params).file);
  if (!file) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.bytes.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    },
  });
}
