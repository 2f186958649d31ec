import { excerptOf } from '@/lib/render/excerpt';
import { postPath, siteConfig, siteUrl } from '@/lib/site';

interface FeedPost {
  slug: string;
  title: string;
  description: string | null;
  html: string;
  publishedAt: Date;
  updatedAt: Date;
  tags: { tag: { name: string } }[];
  categories: { category: { name: string } }[];
  author?: string | null;
}

export const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

// XML 1.0 forbids most control characters; a body may carry them.
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** `]]>` cannot appear inside CDATA: split it across two sections. */
const cdata = (text: string) => `<![CDATA[${xmlSafe(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** Root-relative links and images in a body, made absolute for feed readers. */
function absolutize(html: string, origin: string): string {
  return html.replace(/\s(href|src)="\/(?!\/)/g, ` $1="${origin}/`);
}

/** RSS 2.0 with the full content of each post and absolute URLs. */
/** `site`: the settings' title and description and the public origin (defaults: lib/site.ts and SITE_URL). */
export function buildRssFeed(posts: FeedPost[], site: { title: string; description: string; origin: string } = { title: siteConfig.name, description: siteConfig.description, origin: siteUrl().origin }): string {
  const { origin } = site;
  const items = posts.map((post) => {
    const link = `${origin}${postPath(post.slug)}`;
    const categories = [...post.categories.map((c) => c.category.name), ...post.tags.map((t) => t.tag.name)];
    return [
      '<item>',
      `<title>${escapeXml(xmlSafe(post.title))}</title>`,
      `<link>${escapeXml(link)}</link>`,
      `<guid isPermaLink="true">${escapeXml(link)}</guid>`,
      `<pubDate>${post.publishedAt.toUTCString()}</pubDate>`,
      post.author ? `<dc:creator>${escapeXml(xmlSafe(post.author))}</dc:creator>` : '',
      post.description ? `<description>${escapeXml(xmlSafe(excerptOf(post.description)!))}</description>` : '',
      ...categories.map((name) => `<category>${escapeXml(xmlSafe(name))}</category>`),
      `<content:encoded>${cdata(absolutize(post.html, origin))}</content:encoded>`,
      '</item>',
    ].join('');
  });
  const lastBuild = posts.reduce((max, p) => (p.updatedAt > max ? p.updatedAt : max), new Date(0));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // Readers' apps ignore it; a browser shows the feed as a page (lib/feed-stylesheet.ts).
    '<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${escapeXml(xmlSafe(site.title))}</title>`,
    `<link>${escapeXml(`${origin}/`)}</link>`,
    `<atom:link href="${escapeXml(`${origin}/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    `<description>${escapeXml(xmlSafe(site.description))}</description>`,
    `<language>${siteConfig.lang}</language>`,
    posts.length ? `<lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>` : '',
    ...items,
    '</channel>',
    '</rss>',
  ].join('\n');
}
