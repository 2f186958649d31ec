import * as cheerio from 'cheerio';
import { decodeSourceUrl } from './source-url';

export interface PlatformArticle {
  /** The article itself: what was inside `#content_views`, or the body as given. */
  body: string;
  /** The original URL, from the hidden `<p class_="artid" alt="HEX">` element. */
  sourceUrl: string | null;
}

const HIDDEN = /display\s*:\s*none/i;

/**
 * Strips the source platform's page chrome from an exported body. Only a body
 * that carries the chrome is rewritten; any other HTML is returned byte for byte,
 * so importing an export gives back exactly what was exported.
 */
export function extractPlatformArticle(html: string): PlatformArticle {
  if (!/content_views|class_=["']?artid/.test(html)) return { body: html, sourceUrl: null };
  const $ = cheerio.load(html, null, false);

  const marker = $('p[class_="artid"]').first();
  const sourceUrl = marker.length ? decodeSourceUrl(marker.attr('alt') ?? '') : null;
  marker.remove();

  const content = $('#content_views').first();
  if (!content.length) return { body: $.html().trim(), sourceUrl };

  content.find('link[rel="stylesheet"]').remove();
  content.find('svg').filter((_, el) => HIDDEN.test($(el).attr('style') ?? '')).remove();
  content.find('p').filter((_, el) => $(el).children().length === 0 && !$(el).text().trim()).remove();
  return { body: (content.html() ?? '').trim(), sourceUrl };
}
