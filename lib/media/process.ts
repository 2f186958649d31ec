import 'server-only';
import { createHash } from 'node:crypto';
import sharp, { type FormatEnum, type Metadata } from 'sharp';
import { ACCEPTED_FORMATS, EXTENSIONS, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, VARIANT_WIDTHS } from './limits';

export class MediaInputError extends Error {
  override name = 'MediaInputError';
}

export interface ProcessedFile {
  key: string;
  type: string;
  width: number;
  height: number;
  bytes: Buffer;
}

export interface ProcessedImage {
  hash: string;
  type: string;
  width: number;
  height: number;
  /** The original (metadata stripped) first, then the responsive variants. */
  files: ProcessedFile[];
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** SVG is text that can carry script: refused by its bytes, whatever the name or declared type says. */
const looksLikeSvg = (bytes: Buffer) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/i.test(bytes.subarray(0, 4096).toString('utf8'));

/**
 * Checks an upload by its bytes and makes what the library stores: the original
 * re-encoded without metadata (EXIF GPS included; the EXIF orientation applied),
 * and WebP and AVIF variants at the responsive widths.
 */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length === 0) throw new MediaInputError('文件是空的');
  if (bytes.length > MAX_IMAGE_BYTES) throw new MediaInputError(`图片不能超过 ${mb(MAX_IMAGE_BYTES)}（这张 ${mb(bytes.length)}）`);
  if (looksLikeSvg(bytes)) throw new MediaInputError('不接受 SVG 图片（可能带脚本）：请转换为 PNG 或 WebP 后上传');
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new MediaInputError('不是可识别的图片（支持 JPEG、PNG、WebP、GIF、AVIF）');
  }
  const format = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format;
  const type = ACCEPTED_FORMATS[format as keyof typeof ACCEPTED_FORMATS];
  if (!type) throw new MediaInputError(format === 'svg' ? '不接受 SVG 图片（可能带脚本）' : `不支持的图片格式：${format}（支持 JPEG、PNG、WebP、GIF、AVIF）`);
  const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (pixels > MAX_IMAGE_PIXELS) {
    throw new MediaInputError(`图片像素过多：${meta.width}×${meta.pageHeight ?? meta.height}，上限 ${MAX_IMAGE_PIXELS / 1_000_000} 百万像素`);
  }

  const animated = (meta.pages ?? 1) > 1;
  const input = () => sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, animated });
  // Output carries no metadata unless asked: re-encoding is what strips EXIF.
  const oriented = animated ? input() : input().rotate();
  const encoded = await oriented
    .toFormat(format as keyof FormatEnum, format === 'jpeg' ? { quality: 90, mozjpeg: true } : {})
    .toBuffer({ resolveWithObject: true });
  const hash = createHash('sha256').update(encoded.data).digest('hex').slice(0, 32);
  const width = encoded.info.width;
  const height = encoded.info.pageHeight ?? encoded.info.height;
  const files: ProcessedFile[] = [{ key: `${hash}.${EXTENSIONS[type]}`, type, width, height, bytes: encoded.data }];

  if (!animated) {
    const widths = [...new Set([...VARIANT_WIDTHS.filter((w) => w < width), width])];
    for (const w of widths) {
      const resized = () => sharp(encoded.data).resize({ width: w, withoutEnlargement: true });
      const [webp, avif] = await Promise.all([
        resized().webp({ quality: 80 }).toBuffer({ resolveWithObject: true }),
        resized().avif({ quality: 55, effort: 2 }).toBuffer({ resolveWithObject: true }),
      ]);
      files.push({ key: `${hash}-${w}.webp`, type: 'image/webp', width: w, height: webp.info.height, bytes: webp.data });
      files.push({ key: `${hash}-${w}.avif`, type: 'image/avif', width: w, height: avif.info.height, bytes: avif.data });
    }
  }
  return { hash, type, width, height, files };
}
