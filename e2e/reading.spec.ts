import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { samples } from './fixtures';
import { runCli } from './users';

// Posts shaped like the ones a technical blog imports: fenced code in several languages and
// maths in Markdown, and a platform HTML export with its own 文章目录 and highlighter markup.
const MARKDOWN = `---
title: "阅读体验测试：代码与公式"
date: 2018-05-06 10:00:00 +08:00
slug: reading-code-maths
mathjax: true
categories: ['阅读测试']
tags: ['阅读测试']
description: "本文用来检查代码高亮和公式渲染。这里的描述被平台截断在了一个词的中"
---

LoRA 把权重更新写成低秩分解 $W_0 \\in \\mathbb{R}^{d \\times k}$，只训练 $B$ 和 $A$。钉钉群里有人问虚拟试衣怎么做。

$$
h = W_0 x + \\frac{\\alpha}{r} B A x
$$

\`\`\`python
def train(model, data):
\tfor batch in data:  # 遍历
\t\tloss = model(batch)
\treturn "done"
\`\`\`

\`\`\`ts
export const answer: number = 42;
\`\`\`

\`\`\`bash
pip install -U peft transformers && echo "${'$'}HOME/${'x'.repeat(200)}"
\`\`\`

![LoRA 结构示意](https://img.invalid/lora.png)

| 参数 | 含义 | 建议值 |
| --- | --- | --- |
| r | 秩，越大可训练参数越多，显存占用也越高，一般从 8 开始尝试 | 8 |
`;

const HTML = `---
title: "阅读体验测试：平台导出"
date: 2018-05-05 10:00:00 +08:00
slug: reading-platform-html
categories: ['阅读测试']
tags: ['阅读测试']
---

<div class="blog-content-box"><article class="baidu_pl"><div id="article_content" class="article_content clearfix">
<div id="content_views" class="markdown_views prism-atom-one-dark">
<p></p><div class="toc"><h3>文章目录</h3><ul><li><a href="#1_1" rel="nofollow">1. 安装</a></li><li><a href="#2_2" rel="nofollow">2. 使用</a></li></ul></div><p></p>
<h2><a id="1_1"></a>1. 安装</h2>
<pre><code class="prism language-python"><span class="token keyword">import</span> torch
<span class="token keyword">print</span><span class="token punctuation">(</span>torch<span class="token punctuation">.</span>__version__<span class="token punctuation">)</span>
</code></pre>
<p><img src="https://img.invalid/a.png#pic_center" alt="在这里插入图片描述"></p>
<h2><a id="2_2"></a>2. 使用</h2>
<p>正文。</p>
</div></div></article></div>
`;

test.describe.configure({ mode: 'serial' });

test('imports the technical posts through the CLI', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'e2e-reading-'));
  await writeFile(path.join(dir, 'reading.md'), MARKDOWN);
  await writeFile(path.join(dir, 'reading.html'), HTML);
  const { code, output } = await runCli('import', [dir]);
  expect(output).toMatch(/Imported 2|unchanged 2/);
  expect(code).toBe(0);
});

test('fenced code is highlighted by language, in light and dark, with a label, its own line height and tab size', async ({ page }) => {
  await page.goto('/posts/reading-code-maths');
  const blocks = page.locator('.prose .code-block');
  await expect(blocks.locator('.code-lang')).toHaveText(['Python', 'TypeScript', 'Shell']);
  await expect(blocks.first().locator('code')).toContainText('for batch in data:  # 遍历');
  const keyword = blocks.first().locator('.hl-keyword').first();
  await expect(keyword).toHaveText(/def/);
  const light = await keyword.evaluate((el) => getComputedStyle(el).color);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await keyword.evaluate((el) => getComputedStyle(el).color);
  expect(light).not.toBe(dark);
  expect(await page.locator('.prose [style]').evaluateAll((els) => els.filter((el) => !el.closest('.katex')).length)).toBe(0);
  const pre = blocks.nth(2).locator('pre');
  const style = await pre.evaluate((el) => {
    const s = getComputedStyle(el);
    return { lineHeight: parseFloat(s.lineHeight) / parseFloat(getComputedStyle(el.querySelector('code')!).fontSize), tabSize: s.tabSize, overflowX: s.overflowX, scrolls: el.scrollWidth > el.clientWidth };
  });
  expect(style.lineHeight).toBeLessThan(1.75);
  expect(style).toMatchObject({ tabSize: '4', overflowX: 'auto', scrolls: true });
});

test('maths is typeset by KaTeX with its own styles and fonts, served by the app', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => void (r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`)));
  await page.goto('/posts/reading-code-maths');
  await expect(page.locator('.prose .katex')).toHaveCount(4);
  await expect(page.locator('.prose .katex-display')).toHaveCount(1);
  await expect(page.locator('.prose')).not.toContainText('$W_0');
  await expect(page.locator('.prose .katex-mathml annotation').first()).toHaveText('W_0 \\in \\mathbb{R}^{d \\times k}');
  const font = await page.locator('.prose .katex').first().evaluate((el) => getComputedStyle(el).fontFamily);
  expect(font).toContain('KaTeX_Main');
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => [...document.fonts].filter((f) => f.family.startsWith('KaTeX') && f.status === 'loaded').length)).toBeGreaterThan(0);
  expect(failed).toEqual([]);
});

test('an imported platform page shows one table of contents, its code re-highlighted, and no placeholder alt', async ({ page }) => {
  await page.goto('/posts/reading-platform-html');
  await expect(page.locator('.prose')).not.toContainText('文章目录');
  await expect(page.locator('nav.toc li')).toHaveText(['1. 安装', '2. 使用']);
  await expect(page.locator('.prose .token')).toHaveCount(0);
  await expect(page.locator('.prose .code-lang')).toHaveText('Python');
  await expect(page.locator('.prose .hl-keyword').first()).toHaveText('import');
  await expect(page.locator('.prose img')).toHaveAttribute('alt', '');
});

test('a remote image that never loads keeps a tidy frame over its caption', async ({ page }) => {
  await page.goto('/posts/reading-code-maths');
  const figure = page.locator('.prose figure').filter({ hasText: 'LoRA 结构示意' });
  await expect(figure.locator('figcaption')).toHaveText('LoRA 结构示意');
  const box = await figure.locator('img').boundingBox();
  expect(box!.height).toBeGreaterThan(box!.width / 2);
});

/** What a reader's browser reports for a page: layout shifts, failed same-origin requests and console errors. */
async function visit(page: Page, url: string) {
  const failed: string[] = [];
  const errors: string[] = [];
  page.on('requestfailed', (r) => void (isLocal(r.url()) && failed.push(`${r.failure()?.errorText} ${r.url()}`)));
  page.on('response', (r) => void (isLocal(r.url()) && r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`)));
  // Remote images live on hosts these machines cannot reach: their load errors are not the page's.
  page.on('console', (m) => void (m.type() === 'error' && isLocal(m.location().url || page.url()) && errors.push(m.text())));
  await page.goto(url, { waitUntil: 'load' });
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 1000);
      }),
  );
  return { failed, errors, shift };
}
const isLocal = (url: string) => /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url);

for (const [name, url] of Object.entries({ article: '/posts/reading-code-maths', 'platform article': '/posts/reading-platform-html', home: '/', tag: '/tags/大模型', search: '/search?q=钉钉' })) {
  test(`the ${name} page: no layout shift, failed request, console error or axe violation`, async ({ page }) => {
    const { failed, errors, shift } = await visit(page, url);
    expect(shift).toBe(0);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('excerpts end at a clause with …, in the list, the meta description and the feed', async ({ page, request }) => {
  await page.goto('/categories/阅读测试');
  await expect(page.locator('.post-description').filter({ hasText: '代码高亮' })).toHaveText('本文用来检查代码高亮和公式渲染…');
  await page.goto('/posts/reading-code-maths');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', '本文用来检查代码高亮和公式渲染…');
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', '本文用来检查代码高亮和公式渲染…');
  expect(await (await request.get('/feed.xml')).text()).not.toContain('截断在了一个词的中<');
});

test('categories have an index in the navigation; articles name their author', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '分类' }).click();
  await expect(page).toHaveURL(/\/categories$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('全部分类');
  await page.getByRole('link', { name: '阅读测试' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('分类：阅读测试');
  await page.goto(`/posts/${samples.rag.slug}`);
  await expect(page.locator('.article-header .byline')).toHaveText(/\S+ · /);
});

test('lists say which page they show and lead to the archive; the first page has one URL', async ({ page }) => {
  await page.goto('/');
  const pagination = page.getByRole('navigation', { name: '分页' });
  await expect(pagination).toContainText('第 1 页');
  await expect(pagination.getByRole('link', { name: '全部文章归档' })).toHaveAttribute('href', '/archive');
  await pagination.getByRole('link', { name: /较早的文章/ }).click();
  await expect(pagination).toContainText('第 2 页');
  // Page 2 leads back to the first page by its one URL.
  await expect(pagination.getByRole('link', { name: /较新的文章/ })).toHaveAttribute('href', '/');
  const secondPage = new URL(page.url()).pathname;
  // Any later window is its own canonical URL.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${secondPage}$`));
  // A window that has since become the first page (a link from before the list grew) names that page as canonical.
  const response = await page.goto(secondPage.replace('/before/', '/after/'));
  expect(response?.status()).toBe(200);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /^https?:\/\/[^/]+\/?$/);
});

test('search marks whole words once, and suggests tags and posts when it finds nothing', async ({ page }) => {
  for (const [query, mark] of [
    ['钉钉', '钉钉'],
    ['虚拟试衣', '虚拟试衣'],
  ] as const) {
    await page.goto(`/search?q=${encodeURIComponent(query)}`);
    const hit = page.locator('.search-results li').filter({ hasText: '阅读体验测试：代码与公式' });
    await expect(hit.locator('.snippet mark')).toHaveText([mark]);
  }
  for (const url of ['/search', '/search?q=完全不存在的词语组合xyz']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: '不妨看看' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '热门标签' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '最新文章' })).toBeVisible();
    await expect(page.locator('.search-suggestions a').first()).toBeVisible();
  }
});

test('favicon and touch icon, the 404 title, the default social image, and a feed a browser can read', async ({ page, request }) => {
  await page.goto('/');
  for (const selector of ['link[rel="icon"]', 'link[rel="apple-touch-icon"]']) {
    const href = await page.locator(selector).first().getAttribute('href');
    const icon = await request.get(href!);
    expect(icon.status(), selector).toBe(200);
    expect(icon.headers()['content-type'], selector).toMatch(/^image\//);
  }
  const og = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect((await request.get(og!)).headers()['content-type']).toBe('image/png');
  await page.goto('/posts/reading-code-maths');
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', og!);
  // Said once: X reads og:image where there is no twitter:image (lib/server/lean-html.ts).
  await expect(page.locator('meta[name="twitter:image"]')).toHaveCount(0);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');

  await page.goto('/no/such/page');
  await expect(page).toHaveTitle(/页面不存在/);

  const feed = await request.get('/feed.xml');
  expect(await feed.text()).toContain('<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>');
  await page.goto('/feed.xml');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('生成式 AI 笔记');
  // Other specs publish posts too: the newest item in the feed, whichever it is, shows as a link to its article.
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
  const newest = (await feed.text()).match(/<item>\s*<title>([^<]+)<\/title>/)?.[1]?.replace(/&(lt|gt|quot|apos|amp);/g, (e) => entities[e]!);
  expect(newest).toBeTruthy();
  await expect(page.getByRole('link', { name: newest! }).first()).toBeVisible();
});
