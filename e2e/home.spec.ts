import { expect, test, type Page } from '@playwright/test';
import { samples } from './fixtures';

// Next keeps the page navigated away from in the DOM, hidden (React Activity): count only what shows.
const titles = (page: Page) => page.locator('.post-card h2').filter({ visible: true });

test('the home page lists published posts, newest first, in Chinese', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const titles = page.locator('.post-card h2');
  await expect(titles).toHaveCount(10);
  // Newest first (other specs publish posts of their own, so the first title is not fixed).
  const dates = await page.locator('.post-card time').evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
  await expect(page.getByRole('link', { name: samples.rag.title })).toBeVisible();
  const item = page.getByRole('article').filter({ hasText: samples.rag.title });
  await expect(item.locator('time')).toHaveText('2024年9月9日');
  await expect(item.locator('time')).toHaveAttribute('datetime', '2024-09-09T05:08:37+08:00');
  await expect(item).toContainText('分钟读完');
});

test('the home page pages by keyset to older posts and back, and a cursor that leads nowhere is a 404', async ({ page }) => {
  await page.goto('/');
  const firstPage = await titles(page).allTextContents();
  await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '较早的文章' }).click();
  await expect(page).toHaveURL(/\/before\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/最新文章（\d{4}年\d+月\d+日 — \d{4}年\d+月\d+日）/);
  const older = await titles(page).allTextContents();
  expect(older.length).toBeGreaterThan(0);
  expect(older.filter((t) => firstPage.includes(t))).toEqual([]);
  await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '较新的文章' }).click();
  // The window newer than the second page is the first: it has one URL, the list's own.
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(titles(page)).toHaveText(firstPage);
  for (const path of ['/before/999999', '/after/999999', '/before/abc', '/sideways/1', '/before/0']) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});
