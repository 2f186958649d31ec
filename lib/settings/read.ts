import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { CacheTags } from '@/lib/cache-tags';
import { db } from '@/lib/db';
import { isBuildPhase, PAGE_SIZE } from '@/lib/listing/visibility';
import { findImageByUrl } from '@/lib/media/library';
import { mediaUrl } from '@/lib/media/views';
import { alternatesFor, defaultSocialImage, siteConfig } from '@/lib/site';

export type NavLink = { label: string; href: string };

export interface SiteSettings {
  title: string;
  description: string;
  timeZone: string;
  /** Null: SITE_URL, else localhost (see publicOrigin). */
  publicOrigin: string | null;
  logoUrl: string | null;
  faviconUrl: string | null;
  navLinks: NavLink[];
  /** Posts on each page of the public lists. */
  postsPerPage: number;
}

export const DEFAULT_NAV: NavLink[] = [
  { label: '首页', href: '/' },
  { label: '归档', href: '/archive' },
  { label: '分类', href: '/categories' },
  { label: '标签', href: '/tags' },
  { label: '搜索', href: '/search' },
];

export const DEFAULT_SETTINGS: SiteSettings = {
  title: siteConfig.name,
  description: siteConfig.description,
  timeZone: siteConfig.timeZone,
  publicOrigin: null,
  logoUrl: null,
  faviconUrl: null,
  navLinks: DEFAULT_NAV,
  postsPerPage: PAGE_SIZE,
};

/**
 * The site's settings, cached under the `site` tag: saving them expires it on
 * every instance (lib/settings/write.ts), as a post's save expires its pages.
 */
export async function getSiteSettings(): Promise<SiteSettings> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site);
  if (isBuildPhase()) return DEFAULT_SETTINGS;
  return settingsOfRow(await db.siteSettings.findUnique({ where: { id: 1 } }));
}

/** The settings a stored row says (the defaults where there is none yet). */
export function settingsOfRow(row: (Omit<SiteSettings, 'navLinks'> & { navLinks: unknown }) | null): SiteSettings {
  if (!row) return DEFAULT_SETTINGS;
  const { title, description, timeZone, publicOrigin, logoUrl, faviconUrl, postsPerPage } = row;
  const navLinks = row.navLinks as NavLink[];
  return { title, description, timeZone, publicOrigin, logoUrl, faviconUrl, postsPerPage, navLinks: navLinks.length ? navLinks : DEFAULT_NAV };
}

/** The logo (a media-library file) with its size, so the header keeps its place while it loads; null when none is set. */
export async function getSiteLogo(): Promise<{ url: string; width?: number; height?: number } | null> {
  'use cache';
  cacheLife('max');
  cacheTag(CacheTags.site);
  const { logoUrl } = await getSiteSettings();
  if (!logoUrl) return null;
  const file = (await findImageByUrl(logoUrl))?.variants.find((v) => mediaUrl(v.key) === logoUrl);
  return { url: logoUrl, ...(file ? { width: file.width, height: file.height } : {}) };
}

/** How many posts each page of a public list shows (a setting). */
export async function postsPerPage(): Promise<number> {
  return (await getSiteSettings()).postsPerPage;
}

/** The origin of absolute URLs: the setting, else SITE_URL, else localhost. */
export async function publicOrigin(): Promise<URL> {
  const { publicOrigin: stored } = await getSiteSettings();
  return new URL(stored ?? (process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`));
}

/** A page's canonical URL and the feed link, titled with the site's title as the feed is. */
export async function pageAlternates(canonical: string) {
  return alternatesFor(canonical, (await getSiteSettings()).title);
}

/** The social image of pages without their own, described by the site's title. */
export async function defaultSocialImageOf() {
  return { ...defaultSocialImage, alt: (await getSiteSettings()).title };
}

/** What the feed says about the site. */
export async function feedSite(): Promise<{ title: string; description: string; origin: string }> {
  const settings = await getSiteSettings();
  return { title: settings.title, description: settings.description, origin: (await publicOrigin()).origin };
}
