import { escapeXml } from '@/lib/feed';

export interface SitemapUrl {
  loc: string;
  lastModified?: Date;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
const lastmod = (date?: Date) => (date ? `<lastmod>${date.toISOString()}</lastmod>` : '');

/** The sitemap index at /sitemap.xml: one file for the site's pages, one per chunk of posts. */
export function sitemapIndex(locs: string[]): string {
  return `${HEAD}<sitemapindex ${NS}>\n${locs.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`;
}

export function urlSet(urls: SitemapUrl[]): string {
  return `${HEAD}<urlset ${NS}>\n${urls.map((u) => `<url><loc>${escapeXml(u.loc)}</loc>${lastmod(u.lastModified)}</url>`).join('\n')}\n</urlset>\n`;
}

export const xmlResponse = (xml: string) => new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
