/** One stored file of an image. */
export interface MediaVariant {
  key: string;
  type: string;
  width: number;
  height: number;
  bytes: number;
}

export interface MediaItem {
  id: number;
  hash: string;
  filename: string;
  type: string;
  width: number;
  height: number;
  bytes: number;
  url: string;
  variants: MediaVariant[];
  createdAt: string;
}

export const mediaUrl = (key: string) => `/media/${key}`;

/** One image as a picker shows it: the URL to save and a small file to show. */
export interface PickerImage {
  url: string;
  thumb: string;
  filename: string;
  width: number;
  height: number;
}

export function toPickerImage(item: MediaItem): PickerImage {
  const thumb = item.variants.find((v) => v.type === 'image/webp') ?? item.variants[0]!;
  return { url: item.url, thumb: mediaUrl(thumb.key), filename: item.filename, width: item.width, height: item.height };
}

export { MEDIA_KEY } from '@/lib/validations/media';

const escapeAttr = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const SIZES = '(max-width: 48rem) 100vw, 48rem';

/**
 * The markup the editor inserts for an image: a <picture> with AVIF and WebP
 * variants by width and the original as fallback, its size given so the page does
 * not shift. One line, valid in Markdown (inline HTML), MDX (JSX) and HTML.
 */
export function imageSnippet(item: MediaItem, alt: string): string {
  const srcset = (type: string) =>
    item.variants
      .slice(1)
      .filter((v) => v.type === type)
      .map((v) => `${mediaUrl(v.key)} ${v.width}w`)
      .join(', ');
  const sources = ['image/avif', 'image/webp']
    .map((type) => [type, srcset(type)] as const)
    .filter(([, set]) => set)
    .map(([type, set]) => `<source type="${type}" srcSet="${set}" sizes="${SIZES}" />`)
    .join('');
  const img = `<img src="${item.url}" alt="${escapeAttr(alt)}" width="${item.width}" height="${item.height}" />`;
  return sources ? `<picture>${sources}${img}</picture>` : img;
}
