import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listPostsForExport } from './queries';
import { snapshotOfPost } from './snapshot';
import { serializePost } from '@/lib/content/serialize';

/** Writes every post (trashed ones only when asked) as a front-matter file; returns the paths written. */
export async function exportPosts(dir: string, options: { includeTrashed?: boolean } = {}): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for await (const post of listPostsForExport(options)) {
    const { fileName, text } = serializePost(snapshotOfPost(post));
    const file = path.join(dir, fileName);
    await writeFile(file, text);
    written.push(file);
  }
  return written;
}
