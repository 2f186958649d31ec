import { expect, test, type Page } from '@playwright/test';
import { ADMIN_STATE } from './users';

test.use({ storageState: ADMIN_STATE });

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function createPost(page: Page, title: string, body: string) {
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('网址别名').fill(`safety-${unique()}`);
  await page.getByLabel('正文', { exact: true }).fill(body);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\?created=1$/);
  return Number(page.url().match(/posts\/(\d+)/)![1]);
}

/** Answers the next dialog and resolves with its message. */
function nextDialog(page: Page, accept: boolean) {
  return new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    });
  });
}

const saveState = (page: Page) => page.locator('.editor-actions').getByRole('status');

test('every way out of a dirty editor asks first, and staying keeps the edits', async ({ page }) => {
  const id = await createPost(page, '离开前询问', '原来的正文。');
  await page.goto(`/admin/posts/${id}`);
  await page.getByLabel('标题').fill('改过的标题');
  await page.getByLabel('正文', { exact: true }).fill('改过的正文。');
  await expect(saveState(page)).toContainText(/有未保存的修改|已自动保存|保存中/);

  const nav = page.getByRole('navigation', { name: '后台导航' });
  for (const name of ['文章', '标签', '写文章']) {
    const asked = nextDialog(page, false);
    await nav.getByRole('link', { name, exact: true }).click();
    expect(await asked).toContain('未保存的修改');
  }
  let asked = nextDialog(page, false);
  await nav.getByRole('button', { name: '退出' }).click();
  await asked;
  asked = nextDialog(page, false);
  await page.evaluate(() => history.back());
  await asked;
  asked = nextDialog(page, false);
  await page.getByRole('button', { name: '移到回收站' }).click();
  await asked;

  await expect(page).toHaveURL(new RegExp(`/admin/posts/${id}$`));
  await expect(page.getByLabel('标题')).toHaveValue('改过的标题');
  await expect(page.getByLabel('正文', { exact: true })).toHaveText('改过的正文。');

  asked = nextDialog(page, true);
  await nav.getByRole('link', { name: '标签', exact: true }).click();
  await asked;
  await expect(page).toHaveURL(/\/admin\/tags$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('标签与分类');
});

test('a clean editor lets the editor go without asking, Back included', async ({ page }) => {
  const id = await createPost(page, '干净的编辑器', '正文。');
  await page.goto('/admin');
  await page.goto(`/admin/posts/${id}`);
  page.on('dialog', (dialog) => void dialog.dismiss().then(() => expect(dialog.message(), 'no question when nothing changed').toBe('')));
  await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '文章', exact: true }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

test('autosave keeps the whole editor on the server, and reopening offers it back', async ({ page }) => {
  const id = await createPost(page, '自动保存', '保存过的正文。');
  await page.goto(`/admin/posts/${id}`);
  await page.getByLabel('标题').fill('没保存的标题');
  await page.getByLabel('标签').fill('自动保存测试');
  const typed = '没保存的正文，只在自动保存里。';
  // What was typed is what the editor holds (a fill that lands before the editor is ready is typed again).
  await expect(async () => {
    await page.getByLabel('正文', { exact: true }).fill(typed);
    await expect(page.getByLabel('正文', { exact: true })).toHaveText(typed, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(saveState(page)).toContainText('已自动保存', { timeout: 10_000 });

  // The tab is gone (no unload prompt in the way): nothing was saved as a revision.
  await page.close({ runBeforeUnload: false });
  const reopened = await page.context().newPage();
  await reopened.goto(`/admin/posts/${id}`);
  await expect(reopened.getByLabel('标题')).toHaveValue('自动保存');
  const offer = reopened.getByRole('alert').filter({ hasText: /你有 \d\d:\d\d 北京时间（UTC\+08:00） 未保存的修改/ });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: '恢复' }).click();
  await expect(reopened.getByLabel('标题')).toHaveValue('没保存的标题');
  await expect(reopened.getByLabel('标签')).toHaveValue('自动保存测试');
  await expect(reopened.getByLabel('正文', { exact: true })).toHaveText('没保存的正文，只在自动保存里。');

  await reopened.getByRole('button', { name: '保存', exact: true }).click();
  await expect(saveState(reopened)).toContainText('已保存为版本 2');
  await reopened.reload();
  await expect(reopened.getByLabel('标题')).toHaveValue('没保存的标题');
  await expect(reopened.getByText(/未保存的修改：/)).toHaveCount(0);
});

test('丢弃 forgets the autosave', async ({ page }) => {
  const id = await createPost(page, '丢弃自动保存', '正文。');
  await page.goto(`/admin/posts/${id}`);
  await page.getByLabel('正文', { exact: true }).fill('要丢弃的修改。');
  await expect(saveState(page)).toContainText('已自动保存', { timeout: 10_000 });
  await page.close({ runBeforeUnload: false });
  const reopened = await page.context().newPage();
  await reopened.goto(`/admin/posts/${id}`);
  await reopened.getByRole('button', { name: '丢弃' }).click();
  await expect(reopened.getByText(/未保存的修改：/)).toHaveCount(0);
  await reopened.reload();
  await expect(reopened.getByLabel('正文', { exact: true })).toHaveText('正文。');
  await expect(reopened.getByText(/未保存的修改：/)).toHaveCount(0);
});

test('offline: the save says so beside the button, keeps the edits, and goes through when the network is back', async ({ page, context }) => {
  const id = await createPost(page, '离线保存', '在线时的正文。');
  await page.goto(`/admin/posts/${id}`);
  await page.getByLabel('正文', { exact: true }).fill('离线时写的正文。');
  await context.setOffline(true);
  await page.keyboard.press('Control+s');
  await expect(saveState(page)).toContainText('离线，稍后重试');
  await expect(saveState(page)).toBeInViewport();
  await expect(page.getByLabel('正文', { exact: true })).toHaveText('离线时写的正文。');
  await context.setOffline(false);
  await expect(saveState(page)).toContainText('已保存为版本 2', { timeout: 20_000 });
  await page.goto(`/admin/posts/${id}/history`);
  await expect(page.locator('table').first().locator('tbody tr')).toHaveCount(2);
});

test('save results and a conflict appear where the editor is looking, with both versions kept', async ({ page, browser }) => {
  // Two editors, two saves and a diff on the render workers.
  test.slow();
  const id = await createPost(page, '冲突就在眼前', `${'很长的正文。\n\n'.repeat(80)}结尾。`);
  const other = await browser.newContext({ storageState: ADMIN_STATE });
  const second = await other.newPage();
  await second.goto(`/admin/posts/${id}`);
  await page.goto(`/admin/posts/${id}`);
  await page.getByLabel('标题').fill('第一个人的标题');
  await page.keyboard.press('Control+s');
  await expect(saveState(page)).toContainText('已保存为版本 2');
  await expect(saveState(page)).toBeInViewport();

  await second.getByLabel('标题').fill('第二个人的标题');
  await second.getByLabel('正文', { exact: true }).press('End');
  await second.keyboard.press('Control+End');
  await second.keyboard.type('第二个人加的。');
  await second.keyboard.press('Control+s');
  const conflict = second.getByRole('alert').filter({ hasText: '编辑冲突' });
  await expect(conflict.getByRole('heading', { name: '编辑冲突' })).toBeInViewport({ timeout: 15_000 });
  await expect(conflict).toContainText('第一个人的标题');
  await expect(conflict).toContainText('第二个人的标题');
  // Their version is in the panel, yours is still in the editor, front matter included.
  await expect(second.getByLabel('标题')).toHaveValue('第二个人的标题');
  await expect(second.getByLabel('正文', { exact: true })).toContainText('第二个人加的。');
  await other.close();
});
