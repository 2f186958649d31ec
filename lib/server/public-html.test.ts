import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { scriptFreePage } from './public-html';

const parse = (html: string): Root => unified().use(rehypeParse).parse(html);
/** The text a reader sees: everything but scripts (JSON-LD is not shown either, but it is kept). */
const visibleText = (html: string) => {
  const tree = parse(html);
  const drop = (node: Root | Root['children'][number]) => {
    if ('children' in node) node.children = node.children.filter((c) => c.type !== 'element' || c.tagName !== 'script').map((c) => (drop(c), c));
  };
  drop(tree);
  return toString(tree);
};
const clean = (html: string) => {
  const page = scriptFreePage(html);
  if (!('html' in page)) throw new Error(page.incomplete);
  return page.html;
};

/** Hostile text as React escapes it inside an article: markup-shaped, but text. */
const HOSTILE = ['<script nonce="x">alert(1)</script>', 'nonce="abc123"', '$RC("B:0","S:0")', '$RS(', '$RX(', '<template id="B:0">', '<!--$?-->', '<div hidden id="S:0">', 'id="__next_error__"'];
const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const page = [
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/a.css" nonce="abc" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/0.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/m.js"/>',
  '<link rel="preload" as="font" href="/f.woff2" crossorigin=""/>',
  '<script src="/_next/static/chunks/1.js" async="" nonce="abc"></script></head>',
  '<body><main id="main"><article><h1 class="t">标题 &lt;script nonce=&quot;x&quot;&gt;</h1>',
  `<pre><code>${HOSTILE.map(escape).join('\n')}</code></pre><p>正文 <a href="/tags/a?b=1&amp;c=2">链接</a></p></article></main>`,
  '<script type="application/ld+json">{"@type":"BlogPosting","headline":"\\u003cscript nonce=\\"x\\"\\u003e"}</script>',
  '<script>requestAnimationFrame(function(){$RT=performance.now()});</script>',
  '<script nonce="abc">self.__next_f.push([1,"<p>正文</p>"])</script></body></html>',
].join('');

describe('public pages without scripts', () => {
  it('drops every executable script, script preload and nonce attribute, as elements of the parsed page', () => {
    const tree = parse(clean(page));
    const tags: { tag: string; props: Record<string, unknown> }[] = [];
    const walk = (node: Root | Root['children'][number]) => {
      if (node.type === 'element') tags.push({ tag: node.tagName, props: node.properties });
      if ('children' in node) node.children.forEach(walk);
    };
    walk(tree);
    const scripts = tags.filter((t) => t.tag === 'script');
    expect(scripts.map((s) => s.props.type)).toEqual(['application/ld+json']);
    expect(tags.filter((t) => t.tag === 'link').map((t) => t.props.href)).toEqual(['/_next/static/a.css', '/f.woff2']);
    expect(tags.filter((t) => 'nonce' in t.props)).toEqual([]);
  });

  it('keeps what a reader sees exactly, hostile text included, with the doctype and attributes', () => {
    const out = clean(page);
    expect(visibleText(out)).toBe(visibleText(page));
    for (const text of HOSTILE) expect(visibleText(out)).toContain(text);
    expect(out.toLowerCase().startsWith('<!doctype html>')).toBe(true);
    expect(out).toContain('<html lang="zh-CN">');
    expect(out).toContain('<h1 class="t">');
    expect(out).toContain('<a href="/tags/a?b=1&amp;c=2">');
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/a.css">');
    expect(out).toContain('{"@type":"BlogPosting","headline":"\\u003cscript nonce=\\"x\\"\\u003e"}');
  });

  it('refuses a page that still holds content only script could show', () => {
    const incomplete = [
      '<main><!--$?--><template id="B:0"></template><p>正在搜索…</p><!--/$--></main><div hidden id="S:0"><p>结果</p></div><script>$RC("B:0","S:0")</script>',
      '<main><!--$!--><template data-dgst="1"></template><!--/$--></main>',
      '<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>',
    ];
    for (const html of incomplete) expect(scriptFreePage(html)).toHaveProperty('incomplete');
  });

  it('cuts scripts however they are written, and keeps the rest byte for byte', () => {
    const odd = '<p>前</p><SCRIPT type="module">x()</SCRIPT><p>中</p><svg><script>y()</script></svg><p>后</p><script>never closed';
    expect(clean(odd)).toBe('<p>前</p><p>中</p><svg></svg><p>后</p>');
    const json = '<script type="application/ld+json">{"a":"</p>"}</script>';
    expect(clean(`<p>x</p>${json}`)).toBe(`<p>x</p>${json}`);
  });

  it('never mistakes text for those markers', () => {
    expect(scriptFreePage(page)).toHaveProperty('html');
    const attribute = '<p title="<!--$?--> <template id=&quot;B:0&quot;>">x</p><div hidden id="user-content-S:0">y</div>';
    expect(scriptFreePage(attribute)).toHaveProperty('html');
  });
});
