import { expect, test } from '@playwright/test';
import { samples } from './fixtures';

test('an article shows its title, its own-offset date, reading time, terms, body and source link', async ({ page }) => {
  await page.goto(`/posts/${samples.rag.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(samples.rag.title);
  await expect(page).toHaveTitle(`${samples.rag.title} · 生成式 AI 笔记`);
  await expect(page.locator('.article-header time')).toHaveText('2024年9月9日');
  await expect(page.locator('.article-header')).toContainText(/约 \d+ 分钟读完/);
  await expect(page.getByRole('list', { name: '标签' }).getByRole('link', { name: '#RAG' })).toHaveAttribute('href', '/tags/rag');
  await expect(page.getByRole('list', { name: '分类' }).getByRole('link', { name: '人工智能' })).toBeVisible();
  await expect(page.getByRole('link', { name: /article\/details\/142034981$/ })).toBeVisible();
  // The body's first heading repeats the title: it is not shown twice.
  await expect(page.getByRole('heading', { name: 'RAG 检索增强生成从入门到落地', exact: true })).toHaveCount(0);
});

test('the table of contents links to CJK headings', async ({ page }) => {
  await page.goto(`/posts/${samples.rag.slug}`);
  const toc = page.getByRole('navigation', { name: '目录' });
  const link = toc.getByRole('link').nth(1);
  const text = (await link.textContent())!;
  await link.click();
  const heading = page.getByRole('heading', { name: text, exact: true });
  await expect(heading).toBeInViewport();
  expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(await heading.getAttribute('id'));
});

test('images are lazy, async, keep their alt text and send no Referer', async ({ page }) => {
  await page.goto(`/posts/${samples.rag.slug}`);
  const images = page.locator('.prose img');
  expect(await images.count()).toBeGreaterThan(0);
  for (const img of await images.all()) {
    await expect(img).toHaveAttribute('loading', 'lazy');
    await expect(img).toHaveAttribute('decoding', 'async');
    await expect(img).toHaveAttribute('referrerpolicy', 'no-referrer');
    await expect(img).toHaveAttribute('alt', /.+/);
  }
  await expect(page.locator('img.cover')).toHaveAttribute('referrerpolicy', 'no-referrer');
});

test('metadata: description, canonical, OpenGraph, Twitter, JSON-LD and feed discovery', async ({ page }) => {
  await page.goto(`/posts/${samples.rag.slug}`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^大模型的知识有截止日期/);
  await expect(page.locator('meta[name="keywords"]')).toHaveAttribute('content', /RAG/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/posts/${samples.rag.slug}$`));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', samples.rag.title);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute('content', '2024-09-09T05:08:37+08:00');
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', /\/feed\.xml$/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({ '@type': 'BlogPosting', headline: samples.rag.title, datePublished: '2024-09-09T05:08:37+08:00', inLanguage: 'zh-CN' });
});

test('previous / next and related posts link to published posts only', async ({ page }) => {
  await page.goto(`/posts/${samples.rag.slug}`);
  const nav = page.getByRole('navigation', { name: '上一篇与下一篇' });
  await expect(nav.getByRole('link')).toHaveCount(2);
  const related = page.getByRole('region', { name: '相关文章' }).getByRole('link');
  expect(await related.count()).toBeGreaterThan(0);
  for (const draft of samples.drafts) await expect(page.getByRole('link', { name: draft.title })).toHaveCount(0);
  await nav.getByRole('link', { name: /上一篇/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(samples.rag.title);
});

test('platform HTML is shown without its chrome and without running its script', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/posts/${samples.diffusion.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(samples.diffusion.title);
  await expect(page.locator('#articleContentId, .blog-content-box, link[href*="assets/css"]')).toHaveCount(0);
  await expect(page.locator('[onerror]')).toHaveCount(0);
  await page.waitForLoadState('load');
  expect(dialogs).toEqual([]);
});

test('the MDX post renders its components as static markup', async ({ page }) => {
  await page.goto(`/posts/${samples.mdx.slug}`);
  await expect(page.locator('aside.callout').first()).toBeVisible();
  await expect(page.locator('figure figcaption')).toHaveCount(1);
});

test('an unknown post is a 404 page with a way on', async ({ page }) => {
  const response = await page.goto('/posts/no-such-post');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在（404）');
  await expect(page.getByRole('link', { name: '回到首页' })).toBeVisible();
});
