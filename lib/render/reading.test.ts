import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_LIMITS } from './highlight';
import { renderBody } from './render';

const parse = (html: string) => unified().use(rehypeParse, { fragment: true }).parse(html);
const codes = (html: string) => {
  const found: Element[] = [];
  visit(
    parse(html),
    'element',
    (node: Element) => void (node.tagName === 'code' && found.push(node)),
  );
  return found;
};
const styled = (html: string) => {
  const found: string[] = [];
  visit(
    parse(html),
    'element',
    (node: Element) => void (node.properties.style !== undefined && found.push(node.tagName)),
  );
  return found;
};

const FENCES =
  '```python\ndef f(x):\n    return \'a\'  # 注释\n```\n\n```ts\nconst n: number = 1;\n```\n\n```bash\necho "$HOME" | grep -v x\n```\n';

describe('code blocks', () => {
  it.each(['markdown', 'mdx'] as const)(
    'highlights %s fences in several languages with classes, not styles, keeping the code text',
    async (format) => {
      const { html } = await renderBody(format, FENCES);
      const blocks = codes(html);
      expect(blocks.map((c) => c.properties.className)).toEqual([
        ['language-python'],
        ['language-typescript'],
        ['language-shellscript'],
      ]);
      expect(blocks.map((c) => toString(c))).toEqual([
        "def f(x):\n    return 'a'  # 注释",
        'const n: number = 1;',
        'echo "$HOME" | grep -v x',
      ]);
      expect(html).toContain('<span class="hl-keyword">def </span>');
      expect(html).toContain('<span class="hl-comment"># 注释</span>');
      expect(html.match(/<div class="code-lang">([^<]*)<\/div>/g)).toEqual([
        '<div class="code-lang">Python</div>',
        '<div class="code-lang">TypeScript</div>',
        '<div class="code-lang">Shell</div>',
      ]);
      expect(styled(html)).toEqual([]);
    },
  );

  it('re-highlights imported platform code from its text and language class, dropping the platform highlighter markup', async () => {
    const { html } = await renderBody(
      'html',
      '<pre class="prettyprint"><code class="prism language-python has-numbering"><span class="token keyword" style="color:red">import</span> torch\n</code><ul class="pre-numbering"><li>1</li></ul></pre><pre><code class="hljs bash">ls -la</code></pre>',
    );
    expect(html).not.toMatch(/token|prism|pre-numbering|prettyprint|color:red/);
    expect(codes(html).map((c) => [c.properties.className, toString(c)])).toEqual([
      [['language-python'], 'import torch'],
      [['language-shellscript'], 'ls -la'],
    ]);
    expect(html).toContain('<span class="hl-keyword">import</span>');
  });

  it('leaves very large blocks and unknown languages plain, still labelled and scrollable', async () => {
    const big = `x = 1\n`.repeat(Math.ceil(HIGHLIGHT_LIMITS.maxBlockChars / 6) + 10);
    const { html } = await renderBody(
      'markdown',
      `\`\`\`python\n${big}\`\`\`\n\n\`\`\`klingon\nqapla'\n\`\`\`\n\n\`\`\`\nplain\n\`\`\``,
    );
    expect(html).not.toContain('hl-');
    expect(html).toContain('<div class="code-lang">Python</div><pre tabindex="0">');
    expect(html).toContain('<div class="code-lang">klingon</div>');
    expect(html).toContain(
      '<div class="code-block"><pre tabindex="0"><code>plain</code></pre></div>',
    );
  });
});

describe('maths', () => {
  it.each(['markdown', 'mdx'] as const)(
    'typesets inline and display maths in %s with KaTeX, and leaves money alone',
    async (format) => {
      const { html, text } = await renderBody(
        format,
        '低秩分解 $W_0 \\in \\mathbb{R}^{d \\times k}$，参数量 $\\frac{r}{d}$。\n\n$$\nh = W_0 x + \\frac{\\alpha}{r} BAx\n$$\n\n价格 $5 到 $10 之间。',
      );
      expect(html.match(/<span class="katex">/g)).toHaveLength(3);
      expect(html).toContain('<span class="katex-display" tabindex="0">');
      expect(html).toContain(
        '<annotation encoding="application/x-tex">W_0 \\in \\mathbb{R}^{d \\times k}</annotation>',
      );
      expect(html).toContain('价格 $5 到 $10 之间。');
      expect(html).not.toContain('$W_0');
      expect(text).toContain('W_0 \\in \\mathbb{R}^{d \\times k}');
    },
  );

  it('keeps only what KaTeX makes: styled spans in a body and KaTeX links to script go', async () => {
    const { html } = await renderBody(
      'markdown',
      '<span class="katex" style="position:fixed">伪造</span>\n\n$\\href{javascript:alert(1)}{x}$ and $\\url{javascript:alert(1)}$',
    );
    expect(html).toContain('<span>伪造</span>');
    expect(html).not.toMatch(/href="javascript|position:fixed/);
  });

  it('typesets again the formulas an imported platform page carries, from their TeX', async () => {
    const katex = (tex: string, kind: string) =>
      `<span class="katex--${kind}"><span class="katex"><span class="katex-mathml"><math><semantics><mrow></mrow><annotation encoding="application/x-tex">${tex}</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">ignored</span></span></span>`;
    const { html, text } = await renderBody(
      'html',
      `<p>设 ${katex('x^2', 'inline')}，则</p>${katex('E = mc^2', 'display')}`,
    );
    expect(html).not.toContain('ignored');
    expect(html).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
    expect(html).toContain('<span class="katex-display" tabindex="0">');
    expect(text).toBe('设 x^2，则E = mc^2');
  });
});

describe('imported platform pages', () => {
  it('never shows two tables of contents: the platform box, a written 目录 list and the @[TOC] marker go', async () => {
    const platform = await renderBody(
      'html',
      '<p></p><div class="toc"><h3>文章目录</h3><ul><li><a href="#1_1">1. 安装</a></li></ul></div><h2><a id="1_1"></a>1. 安装</h2><p>正文</p><h2>2. 使用</h2>',
    );
    expect(platform.html).not.toContain('文章目录');
    expect(platform.toc.map((e) => e.text)).toEqual(['1. 安装', '2. 使用']);
    const markdown = await renderBody(
      'markdown',
      '@[TOC](文章目录)\n\n**目录**\n\n- [安装](#安装)\n\n## 安装\n\n正文\n\n## 使用\n\n- [外链](https://example.com)',
    );
    expect(markdown.html).not.toMatch(/TOC|目录/);
    expect(markdown.html).toContain('外链');
    expect(markdown.toc.map((e) => e.text)).toEqual(['安装', '使用']);
  });

  it("treats the platform's placeholder alt text as no alt", async () => {
    const { html } = await renderBody(
      'markdown',
      '![在这里插入图片描述](https://img.example/a.png#pic_center)\n\n![架构图](https://img.example/b.png)',
    );
    expect(html).toContain('<img src="https://img.example/a.png#pic_center" alt=""');
    expect(html).toContain('alt="架构图"');
  });
});

describe('images', () => {
  it('puts a lone image in a figure captioned with its alt text, keeping known dimensions', async () => {
    const md = await renderBody(
      'markdown',
      '![架构图](https://img.example/a.png)\n\n![在这里插入图片描述](https://img.example/b.png)\n\n行内 ![图标](https://img.example/c.png) 图片',
    );
    expect(md.html).toMatch(
      /<figure><img src="https:\/\/img.example\/a.png" alt="架构图"[^>]*><figcaption>架构图<\/figcaption><\/figure>/,
    );
    expect(md.html).toMatch(
      /<figure><img src="https:\/\/img.example\/b.png" alt=""[^>]*><\/figure>/,
    );
    expect(md.html).toContain('<p>行内 <img');
    const mdx = await renderBody(
      'mdx',
      '<Figure src="https://img.example/d.png" alt="流程" caption="图 1 流程" width="800" height="450" />',
    );
    expect(mdx.html).toMatch(
      /<img src="https:\/\/img.example\/d.png" alt="流程" width="800" height="450"[^>]*><figcaption>图 1 流程<\/figcaption>/,
    );
  });
});
