import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client.ts';
import { processImage } from './process';
import { mediaStorage } from './storage';
import { MEDIA_KEY, mediaUrl, type MediaItem, type MediaVariant } from './views';

const mediaVariantsSchema = z.array(z.object({ key: z.string(), type: z.string(), width: z.number(), height: z.number(), bytes: z.number() })).min(1);
const variantsOf = (json: unknown): MediaVariant[] => mediaVariantsSchema.parse(json);

export class MediaInUseError extends Error {
  override name = 'MediaInUseError';
  constructor(readonly posts: { id: number; title: string }[], settings: string[] = []) {
    super(
      settings.length
        ? `这张图片是站点的${settings.join('和')}。先在站点设置中换掉它，再删除。`
        : `这张图片还在 ${posts.length} 篇文章中使用：${posts.map((p) => `“${p.title}”`).join('、')}。先从这些文章中去掉它，再删除。`,
    );
  }
}

type MediaRow = { id: number; hash: string; filename: string; mimeType: string; width: number; height: number; bytes: number; variants: unknown; createdAt: Date };

function toItem(row: MediaRow): MediaItem {
  const variants = variantsOf(row.variants);
  return { id: row.id, hash: row.hash, filename: row.filename, type: row.mimeType, width: row.width, height: row.height, bytes: row.bytes, url: mediaUrl(variants[0]!.key), variants, createdAt: row.createdAt.toISOString() };
}

/** Checks, strips and stores an uploaded image with its variants; the same image twice is one item. */
export async function addImage(bytes: Buffer, filename: string, uploaderId: number | null): Promise<MediaItem> {
  const image = await processImage(bytes);
  const existing = await db.media.findUnique({ where: { hash: image.hash } });
  if (existing) return toItem(existing);
  const storage = mediaStorage();
  for (const file of image.files) await storage.put(file.key, { bytes: file.bytes, contentType: file.type });
  const variants: MediaVariant[] = image.files.map(({ key, type, width, height, bytes: b }) => ({ key, type, width, height, bytes: b.length }));
  const row = await db.media.upsert({
    where: { hash: image.hash },
    create: {
      hash: image.hash,
      filename: filename.slice(0, 255) || 'image',
      mimeType: image.type,
      width: image.width,
      height: image.height,
      bytes: image.files[0]!.bytes.length,
      variants: variants as unknown as Prisma.InputJsonValue,
      uploaderId,
    },
    update: {},
  });
  return toItem(row);
}

/** The newest images, or those whose file name holds `query`; `skip` pages on. */
export async function listImages(query = '', take = 200, skip = 0): Promise<MediaItem[]> {
  const rows = await db.media.findMany({
    where: query ? { filename: { contains: query, mode: 'insensitive' } } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    skip,
  });
  return rows.map(toItem);
}

/** The library image one of whose files is at `url` (`/media/<key>`), or null. */
export async function findImageByUrl(url: string): Promise<MediaItem | null> {
  const key = url.startsWith('/media/') ? url.slice('/media/'.length) : '';
  if (!MEDIA_KEY.test(key)) return null;
  const row = await db.media.findUnique({ where: { hash: key.slice(0, 32) } });
  const item = row && toItem(row);
  return item?.variants.some((v) => v.key === key) ? item : null;
}

/** Which site settings (标志, 图标) show the image with this hash. */
async function settingsUsing(hash: string): Promise<string[]> {
  const row = await db.siteSettings.findUnique({ where: { id: 1 }, select: { logoUrl: true, faviconUrl: true } });
  const uses = (url: string | null | undefined) => Boolean(url?.startsWith(`/media/${hash}`));
  return [uses(row?.logoUrl) ? '标志' : null, uses(row?.faviconUrl) ? '网站图标' : null].filter((name) => name !== null);
}

/** The posts (trashed included) whose body or images name each image's URL stem. */
export async function usageOf(hashes: string[]): Promise<Map<string, { id: number; title: string }[]>> {
  const usage = new Map<string, { id: number; title: string }[]>(hashes.map((h) => [h, []]));
  if (!hashes.length) return usage;
  const rows = await db.$queryRaw<{ hash: string; id: number; title: string }[]>`
    SELECT h.hash, p.id, p.title
    FROM unnest(${hashes}::text[]) AS h(hash)
    JOIN posts p ON strpos(p.body, '/media/' || h.hash) > 0
      OR strpos(coalesce(p.cover_image, '') || ' ' || coalesce(p.featured_image, '') || ' ' || coalesce(p.featured_image_preview, ''), '/media/' || h.hash) > 0
    ORDER BY p.id`;
  for (const row of rows) usage.get(row.hash)?.push({ id: row.id, title: row.title });
  return usage;
}

/** Deletes an image no post uses; otherwise MediaInUseError naming the posts that would break. */
export async function deleteImage(id: number): Promise<void> {
  const row = await db.media.findUnique({ where: { id } });
  if (!row) return;
  const used = (await usageOf([row.hash])).get(row.hash) ?? [];
  const settings = await settingsUsing(row.hash);
  if (used.length || settings.length) throw new MediaInUseError(used, settings);
  await db.media.delete({ where: { id } });
  await mediaStorage().delete(variantsOf(row.variants).map((v) => v.key));
}
