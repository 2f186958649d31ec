import { describe, expect, it } from 'vitest';
import { scriptFreePage } from './public-html';

const clean = (html: string) => {
  const page = scriptFreePage(html);
  if (!('html' in page)) throw new Error(page.incomplete);
  return page.html;
};

const head = [
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/a.css" data-precedence="next"/>',
  '<meta property="og:title" content="标题"/><meta property="og:image" content="https://x.test/a.png"/>',
  '<meta name="twitter:card" content="summary_large_image"/><meta name="twitter:title" content="标题"/>',
  '<meta name="twitter:image" content="https://x.test/a.png"/><meta name="twitter:description" content="只在这里"/>',
  '<link rel="icon" href="/favicon.ico?a" sizes="32x32" type="image/x-icon"/><link rel="icon" href="/icon.svg?b" sizes="any" type="image/svg+xml"/>',
  '</head>',
].join('');

describe('lean public pages', () => {
  it('say each piece of metadata once: a twitter tag equal to its Open Graph tag goes (the card and anything else stays), and the ICO icon beside an SVG one', () => {
    const out = clean(`${head}<body><p>x</p></body></html>`);
    expect(out).not.toContain('twitter:title');
    expect(out).not.toContain('twitter:image');
    // Everything kept is kept byte for byte; a tag is written again only when something in it goes.
    expect(out).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(out).toContain('<meta name="twitter:description" content="只在这里"/>');
    expect(out).toContain('<meta property="og:title" content="标题"/>');
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/a.css">');
    expect(out).not.toContain('favicon.ico');
    expect(out).toContain('<link rel="icon" href="/icon.svg?b" sizes="any" type="image/svg+xml"/>');
  });

  it("drop React's hydration markers and keep the text around them", () => {
    const body = '<body><div hidden=""><!--$--><!--/$--></div><!--&--><p>约 <!-- -->2<!-- --> 分钟</p><div hidden="" id="user-content-x">藏</div><!--/&--></body></html>';
    const out = clean(`${head}${body}`);
    expect(out).not.toContain('<!--');
    expect(out).toContain('<p>约 2 分钟');
    expect(out).toContain('<div hidden="" id="user-content-x">藏</div>');
  });

  it('write non-ASCII letters in links as letters, leaving escaped ASCII, spaces and broken escapes alone', () => {
    const links = [
      '<a href="/tags/%E5%A4%A7%E6%A8%A1%E5%9E%8B">a</a>',
      '<a href="#user-content-%E4%B8%80%E5%8E%BB">b</a>',
      '<a href="/search?q=%E9%92%89%E9%92%89%20x%2F%3Cy">c</a>',
      '<a href="/x/%E5%A4">d</a>',
      '<a href="/x/%C2%A0%E2%80%8B">e</a>',
    ].join('');
    const out = clean(`${head}<body>${links}</body></html>`);
    expect(out).toContain('<a href="/tags/大模型">a</a>');
    expect(out).toContain('<a href="#user-content-一去">b</a>');
    expect(out).toContain('<a href="/search?q=钉钉%20x%2F%3Cy">c</a>');
    expect(out).toContain('<a href="/x/%E5%A4">d</a>');
    expect(out).toContain('<a href="/x/%C2%A0%E2%80%8B">e</a>');
  });

  it('keep an end tag when what follows it is a leftover that goes, so text never moves into the element', () => {
    const out = clean(`${head}<body><p>一</p><div hidden=""><!--$--><!--/$--></div>二<ul><li>三</li><div hidden=""></div></ul></body></html>`);
    expect(out).toContain('<p>一</p>二');
    expect(out).toContain('<li>三</li></ul>');
  });

  it('leave out end tags the parser implies, parsing to the same document', () => {
    const html = `${head}<body><ul><li><p>一</p></li><li>二</li></ul><p>三</p><table><tr><td>四</td></tr></table></body></html>`;
    const out = clean(html);
    expect(out).not.toMatch(/<\/li>|<\/p>|<\/head>|<\/body>|<\/html>/);
    expect(clean(out)).toBe(out);
    expect(Buffer.byteLength(out)).toBeLessThan(Buffer.byteLength(html));
  });
});
