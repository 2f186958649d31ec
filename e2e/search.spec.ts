import { expect, test } from '@playwright/test';
import { samples } from './fixtures';

async function search(page: import('@playwright/test').Page, query: string) {
  await page.goto('/search');
  await page.getByRole('searchbox', { name: '搜索文章' }).fill(query);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
}

test('a Chinese word from the body finds the post, with the word highlighted', async ({ page }) => {
  // "报销流程" appears only in the RAG post's body, not in its title or description.
  await search(page, '报销流程');
  const results = page.locator('.search-results > li');
  await expect(results.first()).toContainText(samples.rag.title);
  await expect(results.first().locator('.snippet mark').first()).toHaveText(/报销|流程/);
});

test('Latin and mixed queries work', async ({ page }) => {
  await search(page, 'AIGC 应用');
  await expect(page.locator('.search-results > li').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toContainText('找到');
  await search(page, 'rerank');
  await expect(page.locator('.search-results').getByRole('link', { name: /Rerank/ })).toBeVisible();
});

test('drafts are never found, and a query with no match says so', async ({ page }) => {
  await search(page, 'GGUF');
  await expect(page.getByRole('link', { name: samples.drafts[0].title })).toHaveCount(0);
  await search(page, '量子纠缠火锅');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('没有找到与「量子纠缠火锅」相关的文章');
});

test('operators in a query are just text', async ({ page }) => {
  const response = await page.goto(`/search?q=${encodeURIComponent("' & | ! :* <script>")}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('搜索');
});
