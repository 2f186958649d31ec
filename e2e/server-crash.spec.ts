import { expect, test, type Page, type Route } from '@playwright/test';
import { startInstance, type Instance } from './instances';
import { ADMIN_STATE } from './users';

// A production server of the e2e build of its own (E2E_PORT+4), sharing the e2e database, so it can be
// killed with SIGKILL and started again while an editor is saving.
const port = Number(process.env.E2E_PORT ?? 3100) + 4;
let instance: Instance;

test.describe.configure({ timeout: 240_000 });

test.afterAll(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(`--- crashed server ---\n${instance?.log()}`);
  await instance?.stop();
});

const saveState = (page: Page) => page.locator('.editor-actions').getByRole('status');
const body = (page: Page) => page.getByLabel('正文', { exact: true });

/** The editor's save (a form post), not its autosave or preview. */
const isSave = (route: Route) =>
  route.request().method() === 'POST' &&
  (route.request().headers()['content-type'] ?? '').startsWith('multipart/form-data');

/** Runs `crash` on the next save of the post instead of letting it through untouched. */
async function onNextSave(page: Page, id: number, crash: (route: Route) => Promise<void>) {
  // The editor's URL may carry a query (?created=1): match the path only.
  const pattern = (url: URL) => url.pathname === `/admin/posts/${id}`;
  let done = false;
  await page.route(pattern, async (route) => {
    if (done || !isSave(route)) return route.fallback();
    done = true;
    await crash(route);
  });
}

async function restart() {
  instance = await startInstance(port);
}

test('a server killed in the middle of a save loses nothing: the editor says so, retries, and each save lands once', async ({ browser }) => {
  await restart();
  const context = await browser.newContext({ baseURL: instance.origin, storageState: ADMIN_STATE });
  const page = await context.newPage();
  const slug = `crash-${Date.now().toString(36)}`;
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill('服务器在保存时崩溃');
  await page.getByLabel('网址别名').fill(slug);
  await body(page).fill('第一版。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  // The fresh instance's first save starts its render worker, while multi-instance.spec starts three more servers.
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\?created=1$/, { timeout: 30_000 });
  const id = Number(/posts\/(\d+)/.exec(page.url())![1]);

  // 1. The server dies as the save is sent: nothing reached the database.
  await body(page).fill('服务器死在保存途中写的第二版。');
  await onNextSave(page, id, async (route) => {
    await instance.kill();
    await route.continue();
  });
  await page.keyboard.press('Control+s');
  await expect(saveState(page)).toContainText('离线，稍后重试');
  await expect(body(page)).toHaveText('服务器死在保存途中写的第二版。');
  await restart();
  await expect(saveState(page)).toContainText('已保存为版本 2', { timeout: 60_000 });

  // 2. The server dies after the save committed, before its answer left: the retry finds it there.
  await body(page).fill('提交之后、回答之前服务器死掉的第三版。');
  await onNextSave(page, id, async (route) => {
    await route.fetch();
    await instance.kill();
    await route.abort('connectionreset');
  });
  await page.keyboard.press('Control+s');
  // Only once the save itself has been answered (slow while other specs start servers) is the answer dropped.
  await expect(saveState(page)).toContainText('离线，稍后重试', { timeout: 30_000 });
  await restart();
  await expect(saveState(page)).toContainText('已保存为版本 3', { timeout: 60_000 });
  await expect(page.getByRole('alert').filter({ hasText: '编辑冲突' })).toHaveCount(0);

  // Each save is one revision, and the post holds the last text.
  await page.goto(`/admin/posts/${id}/history`);
  await expect(page.locator('table').first().locator('tbody tr')).toHaveCount(3);
  await page.goto(`/admin/posts/${id}`);
  await expect(body(page)).toHaveText('提交之后、回答之前服务器死掉的第三版。');
  await context.close();
});
