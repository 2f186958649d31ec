import { expect, test } from '@playwright/test';
import { postmaster, startPostgres, stopPostgres } from './database';
import { samples } from './fixtures';
import { ADMIN_STATE } from './users';

/** Stops the test server's Postgres while it serves; runs after every other spec (playwright.config.ts). */
test('with Postgres down, cached pages still answer, the rest fails clearly, and all recovers', async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const admin = await browser.newContext({ storageState: ADMIN_STATE });
  await page.goto('/');
  await page.goto(`/posts/${samples.rag.slug}`);
  const { port } = postmaster();

  stopPostgres();
  try {
    expect((await request.get('/')).status()).toBe(200);
    const article = await request.get(`/posts/${samples.rag.slug}`);
    expect(article.status()).toBe(200);
    expect(await article.text()).toContain(samples.rag.title);

    const uncached = await page.goto('/tags/never-cached-tag');
    expect(uncached!.status()).toBeGreaterThanOrEqual(500);
    // Next's error boundary needs its runtime; readers get the web server's own page, script-free.
    await expect(page).toHaveTitle('出错了');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('页面暂时无法显示');
    expect(await page.content()).not.toMatch(/at \S+ \(|ECONNREFUSED|PrismaClient|node_modules\//);

    const adminPage = await admin.request.get('/admin', { maxRedirects: 0 });
    expect(adminPage.status()).toBe(503);
    expect(await adminPage.text()).toContain('数据库暂时无法连接');
  } finally {
    startPostgres(port);
  }

  await expect(async () => {
    expect((await admin.request.get('/admin', { maxRedirects: 0 })).status()).toBe(200);
  }).toPass({ timeout: 30_000 });
  const recovered = await request.get('/tags/never-cached-tag');
  expect(recovered.status()).toBe(404);
  await admin.close();
});
