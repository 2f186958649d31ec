import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { startInstance, type Instance } from './instances';
import { ADMIN_STATE, runCli } from './users';

// Three more production servers of the e2e build (A, B, C) on E2E_PORT+1..3. They share the
// e2e database and nothing else: no Redis, no registry, no calls between them.
const basePort = Number(process.env.E2E_PORT ?? 3100);
let instances: Instance[] = [];
const [A, B, C] = [0, 1, 2];

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  instances = await Promise.all([1, 2, 3].map((n) => startInstance(basePort + n)));
});

test.afterAll(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    instances.forEach((instance, n) => console.log(`--- instance ${'ABC'[n]} ---\n${instance.log()}`));
  }
  await Promise.all(instances.map((instance) => instance.stop()));
});

/**
 * "The next request", give or take the NOTIFY's trip: a request sent within a second of
 * the write answers fresh. Only when a request is sent counts, not how long a render
 * takes on a busy machine (speed is the bench's to measure).
 */
async function expectFresh<T>(read: () => Promise<T>, expected: T, since = Date.now(), withinMs = 1_000) {
  for (;;) {
    const sentAt = Date.now();
    const value = await read();
    if (value === expected) return;
    if (sentAt - since > withinMs) expect(value, `still stale ${sentAt - since} ms after the write`).toBe(expected);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
/** A page's first render on an instance that has not served it yet (cold code paths on a busy machine). */
const firstRender = { timeout: 20_000, intervals: [100] };

/** Titles of this run only: a retry must not find the posts an earlier attempt left. */
const run = Date.now().toString(36);

const url = (n: number, pathname: string) => `${instances[n]!.origin}${encodeURI(pathname)}`;

async function heading(request: APIRequestContext, n: number, slug: string): Promise<string | number> {
  const response = await request.get(url(n, `/posts/${slug}`), { maxRedirects: 0 });
  if (response.status() !== 200) return response.status();
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(await response.text());
  return h1 ? h1[1]!.replace(/<[^>]+>/g, '').trim() : 'no heading';
}

async function homeLists(request: APIRequestContext, n: number, title: string): Promise<boolean> {
  return (await (await request.get(url(n, '/'))).text()).includes(`>${title}</a>`);
}

/**
 * Reads a page on an instance until it comes from that instance's cache. Not just twice:
 * a save by a test running beside this one (any save expires the cached pages) may fall between.
 */
async function cacheOn(request: APIRequestContext, n: number, pathname: string) {
  await expect
    .poll(async () => (await request.get(url(n, pathname))).headers()['x-cache'], { message: `${pathname} on ${'ABC'[n]}`, timeout: 10_000 })
    .toBe('HIT');
}

async function editorOn(page: Page, n: number) {
  const editor = await page.context().browser()!.newContext({ baseURL: instances[n]!.origin, storageState: ADMIN_STATE });
  return editor.newPage();
}

async function createPost(editor: Page, title: string, slug: string) {
  await editor.goto('/admin/posts/new');
  await editor.getByLabel('标题').fill(title);
  await editor.getByLabel('网址别名').fill(slug);
  await editor.getByLabel('状态').selectOption('published');
  await editor.getByLabel('发布时间').fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 19));
  await editor.getByLabel('正文', { exact: true }).fill('三个实例共用一个数据库，别的什么都不共用。');
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editor).toHaveURL(/\/admin\/posts\/\d+\?created=1$/, { timeout: 30_000 });
}

test('an edit saved on one instance is served by every other on the next request', async ({ page, request }) => {
  const editor = await editorOn(page, A);
  const slug = `instances-${run}`;
  const [v1, v2] = [`多实例 第一版 ${run}`, `多实例 第二版 ${run}`];
  await createPost(editor, v1, slug);

  for (const n of [A, B, C]) {
    await expect.poll(() => heading(request, n, slug), firstRender).toBe(v1);
    await cacheOn(request, n, `/posts/${slug}`);
    await cacheOn(request, n, '/');
  }

  await editor.getByLabel('标题', { exact: true }).fill(v2);
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editor.getByRole('status').filter({ hasText: '已保存为版本 2' })).toBeVisible();
  const saved = Date.now();

  // The instance that saved is fresh on its very next request; the others as soon as they hear.
  expect(await heading(request, A, slug)).toBe(v2);
  for (const n of [A, B, C]) {
    await expectFresh(() => heading(request, n, slug), v2, saved);
    await expectFresh(() => homeLists(request, n, v2), true, saved);
    expect(await homeLists(request, n, v1)).toBe(false);
  }

  // A changed slug: the other instances' proxies answer the old one with 301, from refreshed redirect tables.
  await editor.getByLabel('网址别名', { exact: true }).fill(`${slug}-moved`);
  await editor.getByRole('button', { name: '保存', exact: true }).click();
  await expect(editor.getByRole('status').filter({ hasText: '已保存为版本 3' })).toBeVisible();
  const moved = Date.now();
  for (const n of [B, C]) {
    await expectFresh(() => heading(request, n, slug), 301, moved);
    const old = await request.get(url(n, `/posts/${slug}`), { maxRedirects: 0 });
    expect(old.headers().location).toMatch(new RegExp(`/posts/${slug}-moved$`));
  }
});

test('a post unpublished or trashed on one instance answers 404 on every instance at once', async ({ page, request }) => {
  const editor = await editorOn(page, B);
  const slug = `instances-gone-${run}`;
  const title = `多实例 将被撤回 ${run}`;
  await createPost(editor, title, slug);
  for (const n of [A, B, C]) {
    await expect.poll(() => heading(request, n, slug), firstRender).toBe(title);
    await cacheOn(request, n, `/posts/${slug}`);
  }

  await editor.getByRole('button', { name: '撤回为草稿' }).click();
  await expect(editor.getByRole('button', { name: '立即发布' })).toBeVisible();
  const unpublished = Date.now();
  expect(await heading(request, B, slug)).toBe(404);
  for (const n of [A, B, C]) await expectFresh(() => heading(request, n, slug), 404, unpublished);

  await editor.getByRole('button', { name: '立即发布' }).click();
  await expect(editor.getByRole('button', { name: '撤回为草稿' })).toBeVisible();
  const published = Date.now();
  for (const n of [A, B, C]) {
    await expectFresh(() => heading(request, n, slug), title, published);
    await cacheOn(request, n, `/posts/${slug}`);
  }

  await editor.getByRole('button', { name: '移到回收站' }).click();
  await expect(editor).toHaveURL(/\/admin\?view=trash$/);
  const trashed = Date.now();
  expect(await heading(request, B, slug)).toBe(404);
  for (const n of [A, B, C]) {
    await expectFresh(() => heading(request, n, slug), 404, trashed);
    expect(await homeLists(request, n, title)).toBe(false);
  }
});

test('a CLI import, given only the database, reaches every instance', async ({ request }) => {
  const slug = `instances-cli-${run}`;
  const [first, second] = [`多实例 导入一 ${run}`, `多实例 导入二 ${run}`];
  const dir = await mkdtemp(path.join(tmpdir(), 'e2e-instances-'));
  const importTitle = async (title: string) => {
    const date = new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
    await writeFile(path.join(dir, `${slug}.md`), `---\ntitle: "${title}"\ndate: ${date} +00:00\nslug: ${slug}\nartid: "${slug}"\n---\n导入的正文。\n`);
    const { code, output } = await runCli('import', [dir]);
    expect(code, output).toBe(0);
  };

  for (const n of [A, B, C]) await cacheOn(request, n, '/');
  await importTitle(first);
  const imported = Date.now();
  for (const n of [A, B, C]) await expectFresh(() => homeLists(request, n, first), true, imported);
  for (const n of [A, B, C]) {
    await expect.poll(() => heading(request, n, slug), firstRender).toBe(first);
    await cacheOn(request, n, `/posts/${slug}`);
  }
  await importTitle(second);
  const reimported = Date.now();
  for (const n of [A, B, C]) await expectFresh(() => heading(request, n, slug), second, reimported);
});

const cardsOn = async (request: APIRequestContext, n: number, pathname: string) => (await (await request.get(url(n, pathname))).text()).split('class="post-card"').length - 1;

test('posts per page saved on one instance pages the lists of every instance on the next request', async ({ page, request }) => {
  const admin = await editorOn(page, C);
  await admin.goto('/admin/settings');
  const perPage = admin.getByLabel('每页文章数');
  const before = await perPage.inputValue();
  const save = async (value: string) => {
    await perPage.fill(value);
    await admin.getByRole('button', { name: '保存设置' }).click();
    await expect(admin.getByRole('status')).toContainText('已保存');
  };
  const tag = '/tags/大模型';
  for (const n of [A, B, C]) {
    await cacheOn(request, n, '/');
    await cacheOn(request, n, tag);
  }
  try {
    await save('4');
    const saved = Date.now();
    for (const n of [A, B, C]) {
      await expectFresh(() => cardsOn(request, n, '/'), 4, saved);
      await expectFresh(() => cardsOn(request, n, tag), 4, saved);
    }
  } finally {
    await admin.goto('/admin/settings');
    await save(before);
  }
});
