/** Site-wide settings that are not secrets. */
export const siteConfig = {
  name: '生成式 AI 笔记',
  description: '关于大模型、AIGC 与生成式 AI 工程实践的中文博客。',
  lang: 'zh-CN',
  locale: 'zh_CN',
  /** The byline of posts whose author has no display name. */
  author: '生成式 AI 笔记编辑部',
  /** Offset for a front-matter date that names none: China Standard Time. */
  defaultUtcOffset: 8 * 60,
  /** The zone every time in the admin is shown in (IANA id). */
  timeZone: 'Asia/Shanghai',
} as const;

/** The public origin for absolute URLs (feed, sitemap, canonical links): SITE_URL, else localhost. */
export function siteUrl(): URL {
  return new URL(process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`);
}

/** Open Graph and Twitter image for pages and posts without their own (app/og.png/route.tsx); its alt text is the site's title (a setting). */
export const defaultSocialImage = { url: '/og.png', width: 1200, height: 630 };

export const postPath = (slug: string) => `/posts/${encodeURIComponent(slug)}`;
export const tagPath = (slug: string) => `/tags/${encodeURIComponent(slug)}`;
export const categoryPath = (slug: string) => `/categories/${encodeURIComponent(slug)}`;
export const archiveMonthPath = (year: number, month: number) => `/archive/${year}/${String(month).padStart(2, '0')}`;

/** Canonical URL plus the feed link, named as the feed names itself: a page's `alternates` replaces the layout's whole object. */
export function alternatesFor(canonical: string, feedTitle: string) {
  return { canonical, types: { 'application/rss+xml': [{ url: '/feed.xml', title: feedTitle }] } };
}
