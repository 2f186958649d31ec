import { readFileSync } from 'node:fs';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { previewToken } from '../lib/posts/preview-token';
import { ADMIN_STATE } from './users';

test.use({ storageState: ADMIN_STATE });

const secret = () => process.env.NEXTAUTH_SECRET ?? readFileSync('.data/auth-secret', 'utf8').trim();

test('a draft preview link shows the unpublished post to anyone, noindex and never kept, and dies on expiry or publication', async ({ page, browser, baseURL }) => {
  const title = `预览草稿 ${Date.now().toString(36)}`;
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('正文', { exact: true }).fill('## 草稿小节\n\n还没发布的正文。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/created=1/);
  const id = Number(/posts\/(\d+)/.exec(page.url())![1]);

  await page.getByRole('button', { name: '生成预览链接' }).click();
  const url = await page.getByLabel(/预览链接/).inputValue();
  expect(url).toMatch(/\/preview\/\d+\.\d+\.[\w-]{43}$/);

  const stranger = await browser.newContext();
  const reader = await stranger.newPage();
  await reader.goto(url);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(reader.getByRole('heading', { name: '草稿小节' })).toBeVisible();
  await expect(reader.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

  const anonymous = await playwrightRequest.newContext({ baseURL });
  const path = new URL(url).pathname;
  for (let i = 0; i < 2; i++) {
    const response = await anonymous.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toMatch(/private/);
    expect(response.headers()['cache-control']).toMatch(/no-store/);
    expect(response.headers()['x-robots-tag']).toMatch(/noindex/);
    expect(response.headers()['x-cache'] ?? '', 'never answered from the response cache').not.toBe('HIT');
  }
  const forged = path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  expect((await anonymous.get(forged)).status()).toBe(404);
  const expired = `/preview/${previewToken(id, new Date(Date.now() - 1000), secret())}`;
  expect((await anonymous.get(expired)).status()).toBe(404);
  const otherPost = path.replace(/\/preview\/\d+\./, `/preview/${id + 1000}.`);
  expect((await anonymous.get(otherPost)).status(), 'the signature covers the post id').toBe(404);

  await page.getByRole('button', { name: '立即发布' }).click();
  await expect(page.getByText('已发布').first()).toBeVisible();
  expect((await anonymous.get(path)).status(), 'dead once published').toBe(404);
  await anonymous.dispose();
  await stranger.close();
});
