import { expect, test, type Browser, type Page } from '@playwright/test';
import { startRedis } from '../test/redis';
import { startInstance, type Instance } from './instances';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN_STATE, runCli } from './users';

// Two `next start` instances of the e2e build (A, B) share the e2e database and one
// Redis; a third (C) shares only the database, as every instance did before REDIS_URL.
const basePort = Number(process.env.E2E_PORT ?? 3100);
let redis: Awaited<ReturnType<typeof startRedis>>;
let a: Instance, b: Instance, c: Instance;

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  redis = await startRedis();
  [a, b, c] = await Promise.all([
    startInstance(basePort + 1, redis.url),
    startInstance(basePort + 2, redis.url),
    startInstance(basePort + 3, null),
  ]);
});

test.afterAll(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    for (const [name, instance] of Object.entries({ a, b, c })) if (instance) console.log(`--- instance ${name} ---\n${instance.log()}`);
  }
  await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
  await redis?.stop();
});

/** A reader with no session, as a visitor of one instance. */
async function reader(browser: Browser, instance: Instance): Promise<Page> {
  const context = await browser.newContext({ baseURL: instance.origin });
  return context.newPage();
}

async function expectArticle(page: Page, slug: string, title: string) {
  await page.goto(`/posts/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

async function expectOnHome(page: Page, title: string, visible = true) {
  await page.goto('/');
  await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(visible ? 1 : 0);
}

test('an edit saved on one instance is served by the other at once, article and home page', async ({ browser }) => {
  const editor = await (await browser.newContext({ baseURL: a.origin, storageState: ADMIN_STATE })).newPage();
  const onB = await reader(browser, b);
  const onC = await reader(browser, c);
  const slug = `instances-${Date.now().toString(36)}`;
  const [v1, v2] = ['多实例 第一版', '多实例 第二版'];

  await editor.goto('/admin/posts/new');
  await editor.getByLabel('标题').fill(v1);
  await editor.getByLabel('网址别名').fill(slug);
  await editor.getByLabel('状态').selectOption('published');
  await editor.getByLabel('发布时间').fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 19));
  await editor.getByLabel('正文', { exact: true }).fill('两个实例共用一个缓存标签表。');
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editor).toHaveURL(/\/admin\/posts\/\d+\?created=1$/);

  // B and C render and cache both pages with the first version.
  for (const page of [onB, onC]) {
    await expectArticle(page, slug, v1);
    await expectOnHome(page, v1);
    await expectArticle(page, slug, v1);
  }

  await editor.getByLabel('标题', { exact: true }).fill(v2);
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editor.getByRole('status').filter({ hasText: '已保存为版本 2' })).toBeVisible();

  await expectArticle(onB, slug, v2);
  await expectOnHome(onB, v2);
  await expectOnHome(onB, v1, false);

  // Without the shared handler, an instance keeps serving what it cached.
  await expectArticle(onC, slug, v1);
  await expectOnHome(onC, v1);

  // A changed slug: B's proxy answers the old one with 301, from its refreshed redirect table.
  await editor.getByLabel('网址别名', { exact: true }).fill(`${slug}-moved`);
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editor.getByRole('status').filter({ hasText: '已保存为版本 3' })).toBeVisible();
  const old = await onB.request.get(`/posts/${slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  expect(old.headers().location).toMatch(new RegExp(`/posts/${slug}-moved$`));
});

test('a CLI import with REDIS_URL reaches every instance that shares the Redis', async ({ browser }) => {
  const onB = await reader(browser, b);
  const slug = `instances-cli-${Date.now().toString(36)}`;
  const dir = await mkdtemp(path.join(tmpdir(), 'e2e-instances-'));
  const importTitle = async (title: string) => {
    const date = new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
    await writeFile(path.join(dir, `${slug}.md`), `---\ntitle: "${title}"\ndate: ${date} +00:00\nslug: ${slug}\nartid: "${slug}"\n---\n导入的正文。\n`);
    const { code, output } = await runCli('import', [dir], undefined, { REDIS_URL: redis.url });
    expect(code, output).toBe(0);
  };

  await expectOnHome(onB, '多实例 导入一', false);
  await importTitle('多实例 导入一');
  await expectOnHome(onB, '多实例 导入一');
  await expectArticle(onB, slug, '多实例 导入一');
  await importTitle('多实例 导入二');
  await expectArticle(onB, slug, '多实例 导入二');
});
