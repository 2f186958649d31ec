/** What one uploaded image may be. The upload form and README quote these. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Pixels (width × height) of the decoded image: a small file can decode to gigabytes. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Widths of the responsive variants (those narrower than the original are made). */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
/** Formats sniffed from the bytes that are accepted; SVG is refused (it can carry script). */
export const ACCEPTED_FORMATS = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif' } as const;

export const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
};
