import { expect, test, type Page } from '@playwright/test';
import { samples } from './fixtures';
import { ADMIN_STATE, EDITOR_STATE } from './users';

test.use({ storageState: EDITOR_STATE });

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const ZONE = '北京时间（UTC+08:00）';

async function createPost(page: Page, title: string) {
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('网址别名').fill(`lang-${unique()}`);
  await page.getByLabel('正文', { exact: true }).fill('第一版正文。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\?created=1$/, { timeout: 20_000 });
  return Number(page.url().match(/posts\/(\d+)/)![1]);
}

test('the history names fields in Chinese and times in the site zone', async ({ page }) => {
  const id = await createPost(page, `一种语言 ${unique()}`);
  await page.getByLabel('标题').fill('改过的标题');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('.editor-actions').getByRole('status')).toContainText('已保存为版本 2');

  await page.goto(`/admin/posts/${id}/history`);
  const revisions = page.getByRole('table', { name: '全部修订' });
  await expect(revisions.getByRole('row').nth(1)).toContainText('标题');
  await expect(revisions.getByRole('row').nth(1)).not.toContainText('title');
  await expect(revisions.getByRole('row').nth(1).locator('time')).toContainText(ZONE);
  await expect(page.getByRole('rowheader', { name: /标题（title）/ })).toBeVisible();
});

test('an imported post says where it came from in Chinese, and the editor labels every field in Chinese', async ({ page }) => {
  await page.goto(`/admin?q=${encodeURIComponent('RAG 检索增强生成')}`);
  await page.getByRole('link', { name: samples.rag.title }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+$/);
  await expect(page.getByLabel('特色图片网址')).toBeVisible();
  await expect(page.getByLabel('特色图片缩略图网址')).toBeVisible();
  await expect(page.getByText('featuredImage', { exact: true })).toHaveCount(0);
  await page.goto(`${page.url()}/history`);
  const first = page.getByRole('table', { name: '全部修订' }).getByRole('row').last();
  await expect(first).toContainText(/从 .*\.md 导入/);
  await expect(page.getByText(/Imported from/)).toHaveCount(0);
});

test('a conflict says when the other save happened, in the site zone', async ({ page, browser }) => {
  test.slow();
  const id = await createPost(page, `冲突时区 ${unique()}`);
  const other = await browser.newContext({ storageState: ADMIN_STATE });
  const second = await other.newPage();
  await second.goto(`/admin/posts/${id}`);
  await page.goto(`/admin/posts/${id}`);
  await page.getByLabel('标题').fill('先保存的标题');
  await page.keyboard.press('Control+s');
  await expect(page.locator('.editor-actions').getByRole('status')).toContainText('已保存为版本 2');
  await second.getByLabel('标题').fill('后保存的标题');
  await second.keyboard.press('Control+s');
  const conflict = second.getByRole('alert').filter({ hasText: '编辑冲突' });
  await expect(conflict.locator('time').first()).toContainText(ZONE, { timeout: 15_000 });
  await other.close();
});

test('an imported draft links to its editor, not to a public page that does not exist yet', async ({ page }) => {
  const slug = `draft-import-${unique()}`;
  const file = `---\ntitle: 导入的草稿 ${slug}\ndate: 2021-03-04 10:00:00 +08:00\nslug: ${slug}\npublished: false\n---\n\n草稿正文。\n`;
  await page.goto('/admin/import');
  await page.getByLabel(/文章文件/).setInputFiles([{ name: `${slug}.md`, mimeType: 'text/markdown', buffer: Buffer.from(file) }]);
  await page.getByRole('button', { name: '导入' }).click();
  const report = page.getByRole('region', { name: /导入结果/ });
  await expect(report.getByRole('heading')).toContainText('新导入 1', { timeout: 30_000 });
  const link = report.getByRole('link', { name: new RegExp(slug) });
  await expect(link).toHaveAttribute('href', /^\/admin\/posts\/\d+$/);
  await link.click();
  await expect(page.getByLabel('标题')).toHaveValue(`导入的草稿 ${slug}`);
  expect((await page.request.get(`/posts/${slug}`)).status()).toBe(404);
});
