import { expect, test } from '@playwright/test';
import { samples } from './fixtures';

test('the home page lists published posts, newest first, in Chinese', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const titles = page.locator('.post-card h2');
  await expect(titles).toHaveCount(10);
  await expect(titles.first()).toHaveText('RAG 召回率上不去？Embedding 选型与 Rerank 重排序实践');
  await expect(page.getByRole('link', { name: samples.rag.title })).toBeVisible();
  const item = page.getByRole('article').filter({ hasText: samples.rag.title });
  await expect(item.locator('time')).toHaveText('2024年9月9日');
  await expect(item.locator('time')).toHaveAttribute('datetime', '2024-09-09T05:08:37+08:00');
  await expect(item).toContainText('分钟读完');
});

test('the home page paginates, and a page past the end is a 404', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/\/page\/2$/);
  await expect(page.locator('.post-card').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('第 2 页');
  const response = await page.goto('/page/99');
  expect(response?.status()).toBe(404);
  expect((await page.goto('/page/1'))?.status()).toBe(404);
  expect((await page.goto('/page/abc'))?.status()).toBe(404);
});
