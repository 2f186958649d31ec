import type { Metadata } from 'next';

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif' };

/**
 * The site's icons for the root layout's metadata: the configured favicon (a media-library file) for
 * tabs and home screens, else the brand mark. Declared here rather than as app/icon.* files, which
 * would win over any configured icon (file-based metadata takes precedence).
 */
export function siteIcons(faviconUrl: string | null): NonNullable<Metadata['icons']> {
  if (!faviconUrl) return { icon: [{ url: '/icon.svg', type: 'image/svg+xml' }], apple: '/apple-touch-icon.png' };
  const type = TYPES[faviconUrl.split('.').pop() ?? ''];
  return { icon: [{ url: faviconUrl, ...(type ? { type } : {}) }], apple: faviconUrl };
}
