import { strToU8, zipSync } from 'fflate';
import { getCurrentUser } from '@/lib/auth/session';
import { serializePost } from '@/lib/content/serialize';
import { getPostForEdit } from '@/lib/posts/admin-queries';
import { listPostsForExport } from '@/lib/posts/queries';
import { snapshotOfPost } from '@/lib/posts/snapshot';

// A copy of every post, drafts included: no browser or shared cache may keep it.
const PRIVATE = { 'cache-control': 'private, no-store' };

const attachment = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** GET /admin/export: every post as a zip of front-matter files; ?id=N: one post as its file. */
export async function GET(request: Request) {
  if (!(await getCurrentUser())) return new Response('401 Unauthorized', { status: 401 });
  const id = Number(new URL(request.url).searchParams.get('id'));
  if (id) {
    const post = await getPostForEdit(id);
    if (!post) return new Response('404 Not Found', { status: 404 });
    const { fileName, text } = serializePost(snapshotOfPost(post));
    return new Response(text, { headers: { ...PRIVATE, 'content-type': 'text/plain; charset=utf-8', 'content-disposition': attachment(fileName) } });
  }
  const files: Record<string, Uint8Array> = {};
  for await (const post of listPostsForExport()) {
    const { fileName, text } = serializePost(snapshotOfPost(post));
    files[fileName] = strToU8(text);
  }
  return new Response(Buffer.from(zipSync(files)), {
    headers: { ...PRIVATE, 'content-type': 'application/zip', 'content-disposition': attachment('posts.zip') },
  });
}
