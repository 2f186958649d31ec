import type { Element } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { readingMinutes, countWords } from './reading-time';
import { RENDER_HASH_PREFIX, renderBody } from './render';

/** What a browser would build from the HTML: any element or attribute that can run script. */
function scriptVectors(html: string): string[] {
  const found: string[] = [];
  visit(unified().use(rehypeParse, { fragment: true }).parse(html), 'element', (node: Element) => {
    if (['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'base', 'meta', 'link'].includes(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name) || name === 'srcDoc' || name === 'style') found.push(`${node.tagName}[${name}]`);
      if (typeof value === 'string' && /^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${node.tagName}[${name}=${value}]`);
    }
  });
  return found;
}

describe('renderBody', () => {
  it('renders GFM Markdown, keeping a leading thematic break as content', async () => {
    const { html } = await renderBody('markdown', '---\n\n正文 **加粗**\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<hr>');
    expect(html).toContain('<strong>加粗</strong>');
    expect(html).toContain('<table tabindex="0">');
    expect((await renderBody('markdown', '- [x] 完成')).html).toContain('<input type="checkbox" checked disabled> 完成');
  });

  it('gives headings ids that work for Chinese, and a table of contents', async () => {
    const { html, toc } = await renderBody('markdown', '## 一、**RAG 的整体流程**\n\n### 3.1 文档切分\n\n## 一、**RAG 的整体流程**');
    expect(toc).toEqual([
      { depth: 2, id: 'user-content-一rag-的整体流程', text: '一、RAG 的整体流程' },
      { depth: 3, id: 'user-content-31-文档切分', text: '3.1 文档切分' },
      { depth: 2, id: 'user-content-一rag-的整体流程-1', text: '一、RAG 的整体流程' },
    ]);
    expect(html).toContain('<h2 id="user-content-一rag-的整体流程">');
  });

  it('drops a first heading that repeats the title and keeps one h1 per page', async () => {
    const { html } = await renderBody('markdown', '# RAG 检索增强生成\n\n正文\n\n# 第二部分', 'RAG 检索增强生成从入门到落地');
    expect(html).not.toContain('RAG 检索增强生成</h');
    expect(html).toContain('<h2 id="user-content-第二部分">第二部分</h2>');
    expect(html).not.toContain('<h1');
  });

  it('makes images lazy, async and referrer-free, keeping alt text', async () => {
    const { html } = await renderBody('markdown', '![示意图](https://i-blog.csdnimg.cn/direct/a.png#pic_center)');
    expect(html).toContain('<img src="https://i-blog.csdnimg.cn/direct/a.png#pic_center" alt="示意图" loading="lazy" decoding="async" referrerpolicy="no-referrer">');
  });

  it.each([
    ['markdown', 'hi <script>alert(1)</script><img src=x onerror="alert(1)"> [a](javascript:alert(1)) <a href="data:text/html,x">d</a> <svg onload="alert(1)"></svg> <iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['html', '<p onclick="alert(1)">hi</p><script>alert(1)</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">x</a><style>*{x:expression(alert(1))}</style><math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
    ['mdx', 'hi <img src="x" onerror="alert(1)" /> <a href="javascript:alert(1)">x</a> <script>{"alert(1)"}</script>'],
  ] as const)('strips script from %s bodies', async (format, body) => {
    const render = renderBody(format, body);
    if (format === 'mdx') {
      await expect(render).rejects.toThrow(/不允许/);
      const { html } = await renderBody('mdx', 'hi <img src="x" onerror="alert(1)" /> <a href="javascript:alert(1)">x</a>');
      expect(scriptVectors(html)).toEqual([]);
      return;
    }
    const { html } = await render;
    expect(scriptVectors(html)).toEqual([]);
    expect(html).toContain('hi');
  });

  it('renders the allow-listed MDX components as static markup', async () => {
    const { html } = await renderBody('mdx', '<Callout type="warning" title="注意">别忘了 **Rerank**。</Callout>\n\n<Figure src="https://example.com/a.png" alt="流程图" caption="图 1：流程" />');
    expect(html).toContain('<aside class="callout callout-warning" role="note"><p class="callout-title">注意</p>');
    expect(html).toContain('<strong>Rerank</strong>');
    expect(html).toContain('<figcaption>图 1：流程</figcaption>');
  });

  it.each([
    ['import x from "y"\n\n正文', /MDX 中不允许 import 与 export 语句（第 1 行第 1 列）/],
    ['正文\n\nexport const a = 1', /MDX 中不允许 import 与 export 语句/],
    ['第一行\n\n数值是 {1 + 1}', /MDX 中不允许花括号 \{…\} 里的 JavaScript 表达式（第 3 行第 5 列）/],
    ['<Evil />', /未知组件 <Evil>；可用：<Callout>、<Figure>/],
    ['<Callout type={"info"}>x</Callout>', /属性值须为普通 "字符串"/],
    ['<Callout {...props}>x</Callout>', /属性值须为普通 "字符串"/],
    ['<Callout>unclosed', /MDX 语法错误/],
  ])('refuses unsafe or broken MDX: %j', async (body, message) => {
    await expect(renderBody('mdx', body)).rejects.toThrow(message);
  });

  it('sanitises platform HTML and records which renderer made it', async () => {
    const rendered = await renderBody('html', '<h2><a id="1_15"></a>1. 前向过程</h2><p>正文</p>');
    expect(rendered.html).toBe('<h2 id="user-content-1-前向过程"><a id="user-content-1_15"></a>1. 前向过程</h2><p>正文</p>');
    expect(rendered.renderHash.startsWith(RENDER_HASH_PREFIX)).toBe(true);
    expect(rendered.text).toBe('1. 前向过程正文');
  });
});

/** Every in-page link of a rendered body, with whether an element of the page has that id (or name). */
function inPageLinks(html: string): { href: string; lands: boolean }[] {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  const targets = new Set<string>();
  const hrefs: string[] = [];
  visit(tree, 'element', (node: Element) => {
    for (const key of ['id', 'name']) if (typeof node.properties[key] === 'string') targets.add(node.properties[key]);
    if (node.tagName === 'a' && typeof node.properties.href === 'string' && node.properties.href.startsWith('#')) hrefs.push(node.properties.href);
  });
  return hrefs.map((href) => ({ href, lands: targets.has(decodeURIComponent(href.slice(1))) }));
}

/** Every id and name a rendered body puts in the page. */
function idsOf(html: string): string[] {
  const ids: string[] = [];
  visit(unified().use(rehypeParse, { fragment: true }).parse(html), 'element', (node: Element) => {
    for (const key of ['id', 'name']) if (typeof node.properties[key] === 'string') ids.push(node.properties[key]);
  });
  return ids;
}

describe('ids and in-page links', () => {
  it.each(['markdown', 'mdx'] as const)('footnote references and back references land (%s)', async (format) => {
    const { html } = await renderBody(format, '## 引言\n\n正文[^1]，另见[^note]，[回到引言](#引言)。\n\n[^1]: 第一条脚注。\n[^note]: 第二条。');
    const links = inPageLinks(html);
    expect(links.map((l) => l.href)).toEqual(
      expect.arrayContaining(['#user-content-fn-1', '#user-content-fnref-1', '#user-content-fn-note', '#user-content-fnref-note']),
    );
    expect(links.filter((l) => !l.lands)).toEqual([]);
    expect(links).toHaveLength(5);
  });

  it('prefixes every id, so a body cannot clobber the page (__next_f, constructor)', async () => {
    const { html, toc } = await renderBody('html', '<h2 id="x">__next_f</h2><h2>constructor</h2><p id="__next_f" name="constructor">正文</p><a href="#constructor">跳</a><a name="top"></a><a href="#top">顶</a>');
    expect(idsOf(html).filter((id) => !id.startsWith('user-content-'))).toEqual([]);
    expect(toc.map((e) => e.id)).toEqual(['user-content-__next_f-1', 'user-content-constructor-1']);
    expect(inPageLinks(html).filter((l) => !l.lands)).toEqual([]);
  });

  it('links the table of contents to the headings, and keeps the footnotes heading out of it', async () => {
    const { html, toc } = await renderBody('markdown', '## 一、背景\n\n正文[^1]\n\n## 二、方法\n\n[^1]: 注。');
    expect(toc.map((e) => e.text)).toEqual(['一、背景', '二、方法']);
    for (const entry of toc) expect(idsOf(html)).toContain(entry.id);
  });
});

describe('reading time', () => {
  it('counts characters for CJK and words for Latin script', () => {
    expect(countWords('大模型 RAG pipeline 很好用')).toEqual({ cjk: 6, words: 2 });
    expect(readingMinutes('字'.repeat(2000))).toBe(5);
    expect(readingMinutes('word '.repeat(1150))).toBe(5);
    expect(readingMinutes('短')).toBe(1);
  });
});

describe('MDX that hides code', () => {
  it('refuses an expression inside a GFM footnote, which a plain MDX parse reads as a link definition', async () => {
    // No `>` before the end, so without GFM this is a valid angle-bracketed link destination.
    const body = 'xss[^h1]\n\n[^h1]: <Callout title={String(6 * 7) + (function () { globalThis.__ran = true; return "" })()} />';
    await expect(renderBody('mdx', body)).rejects.toThrow(/属性值须为普通 "字符串"/);
    expect((globalThis as { __ran?: boolean }).__ran).toBeUndefined();
  });

  it('keeps a Markdown body whose first lines look like front matter', async () => {
    const { html } = await renderBody('markdown', '---\n第一段\n---\n\n正文');
    expect(html).toContain('第一段');
  });
});
