import { expect, test } from '@playwright/test';
import { samples } from './fixtures';

test('a tag page under a Chinese slug works, encoded or not', async ({ page }) => {
  for (const path of ['/tags/大模型', `/tags/${encodeURIComponent('大模型')}`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('标签：大模型');
    expect(await page.locator('.post-card').count()).toBeGreaterThan(3);
  }
});

test('tags differing only in case are one tag with one page', async ({ page }) => {
  await page.goto('/tags');
  await expect(page.getByRole('link', { name: /^#aigc \d+ 篇$/i })).toHaveCount(1);
  await page.getByRole('link', { name: /^#aigc \d+ 篇$/i }).click();
  await expect(page).toHaveURL(/\/tags\/aigc$/);
  await expect(page.getByRole('link', { name: samples.rag.title })).toBeVisible();
});

test('the tag index counts published posts only', async ({ page }) => {
  await page.goto('/tags');
  const link = page.getByRole('link', { name: /^#大模型 \d+ 篇$/ });
  const count = Number((await link.textContent())!.match(/(\d+) 篇/)![1]);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('标签：大模型');
  const onPage = await page.locator('.post-card').count();
  const pages = await page.getByRole('navigation', { name: '分页' }).count();
  if (!pages) expect(onPage).toBe(count);
  for (const draft of samples.drafts) await expect(page.getByRole('link', { name: draft.title })).toHaveCount(0);
});

test('a category page under a Chinese slug lists its posts', async ({ page }) => {
  await page.goto(`/posts/${samples.rag.slug}`);
  await page.getByRole('list', { name: '分类' }).getByRole('link', { name: '人工智能' }).click();
  await expect(page).toHaveURL(/\/categories\/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('分类：人工智能');
  await expect(page.getByRole('link', { name: samples.rag.title })).toBeVisible();
  expect((await page.goto('/categories/no-such-category'))?.status()).toBe(404);
});

test('the archive counts posts by year and month in their own offset, and each month lists its posts', async ({ page }) => {
  await page.goto('/archive');
  const year = page.getByRole('region', { name: '2024 年' });
  await expect(year).toBeVisible();
  await year.getByRole('link', { name: '9 月' }).click();
  await expect(page).toHaveURL(/\/archive\/2024\/09$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2024 年 9 月的文章');
  await expect(page.getByRole('link', { name: samples.rag.title })).toBeVisible();
  for (const draft of samples.drafts) await expect(page.getByRole('link', { name: draft.title })).toHaveCount(0);
  for (const path of ['/archive/2024/13', '/archive/1999/01', '/archive/24/9']) expect((await page.goto(path))?.status(), path).toBe(404);
});
