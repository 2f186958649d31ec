import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';

export interface Weight {
  url: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  /** posts.html of the article: the markup the page exists to show. */
  renderedMarkupBytes: number;
  htmlToMarkup: number;
  scripts: { src: string; bytes: number; gzipBytes: number }[];
  jsBytes: number;
  jsGzipBytes: number;
  /** Inline <script> bytes (the RSC payload among them), already counted in the HTML. */
  inlineScriptBytes: number;
}

const gzipSize = (bytes: Uint8Array) => gzipSync(bytes, { level: 6 }).length;

/** What a reader downloads for one article: the HTML and every script it loads, raw and gzip. */
export async function measureWeight(origin: string, path: string, renderedMarkup: string): Promise<Weight> {
  const html = Buffer.from(await (await fetch(`${origin}${path}`)).arrayBuffer());
  const $ = cheerio.load(html.toString('utf8'));
  const sources = [...new Set($('script[src]').map((_, el) => $(el).attr('src')!).get())];
  const inlineScriptBytes = $('script:not([src])')
    .map((_, el) => Buffer.byteLength($(el).html() ?? ''))
    .get()
    .reduce((a: number, b: number) => a + b, 0);
  const scripts = await Promise.all(
    sources.map(async (src) => {
      const bytes = new Uint8Array(await (await fetch(new URL(src, origin))).arrayBuffer());
      return { src, bytes: bytes.length, gzipBytes: gzipSize(bytes) };
    }),
  );
  const renderedMarkupBytes = Buffer.byteLength(renderedMarkup);
  return {
    url: path,
    htmlBytes: html.length,
    htmlGzipBytes: gzipSize(html),
    renderedMarkupBytes,
    htmlToMarkup: html.length / renderedMarkupBytes,
    scripts,
    jsBytes: scripts.reduce((a, s) => a + s.bytes, 0),
    jsGzipBytes: scripts.reduce((a, s) => a + s.gzipBytes, 0),
    inlineScriptBytes,
  };
}
