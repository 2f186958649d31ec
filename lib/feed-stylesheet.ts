import { siteConfig } from '@/lib/site';

/**
 * How /feed.xml looks when opened in a browser (its xml-stylesheet instruction):
 * the channel and its items as a page, every value as text (xsl:value-of, never
 * disable-output-escaping), no script, styles inline.
 */
export const FEED_STYLESHEET = `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="html" encoding="UTF-8" indent="yes"/>
<xsl:template match="/">
<html lang="${siteConfig.lang}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title><xsl:value-of select="rss/channel/title"/> · RSS 订阅</title>
<style>
body { margin: 0 auto; max-width: 42rem; padding: 1.5rem 1.25rem; line-height: 1.8; color: #1f2328; background: #fff;
  font-family: 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', system-ui, sans-serif; }
a { color: #0b57d0; }
.about { background: #eef4ff; border-radius: 6px; padding: 0.75rem 1rem; }
li { margin: 0 0 1rem; }
time, .muted { color: #57606a; font-size: 0.9rem; }
@media (prefers-color-scheme: dark) { body { color: #e6e6e6; background: #16181d; } a { color: #8ab4f8; } .about { background: #1e2633; } time, .muted { color: #a8b0ba; } }
</style>
</head>
<body>
<p class="about">这是 RSS 订阅源：把本页地址复制到 RSS 阅读器中即可订阅。</p>
<h1><xsl:value-of select="rss/channel/title"/></h1>
<p class="muted"><xsl:value-of select="rss/channel/description"/></p>
<p><a><xsl:attribute name="href"><xsl:value-of select="rss/channel/link"/></xsl:attribute>访问网站</a></p>
<ol>
<xsl:for-each select="rss/channel/item">
<li>
<a><xsl:attribute name="href"><xsl:value-of select="link"/></xsl:attribute><xsl:value-of select="title"/></a><br/>
<time><xsl:value-of select="pubDate"/></time>
<div><xsl:value-of select="description"/></div>
</li>
</xsl:for-each>
</ol>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
`;
