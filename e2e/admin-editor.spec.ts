import { expect, test, type Page } from '@playwright/test';
import { ADMIN_STATE } from './users';

test.use({ storageState: ADMIN_STATE });

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function createPost(page: Page, slug: string, title: string, body: string) {
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('网址别名').fill(slug);
  await page.getByLabel('状态').selectOption('published');
  // An old date keeps these posts off the first page of the public lists other specs read.
  await page.getByLabel('发布时间').fill('2020-03-01T08:00:00');
  await page.getByLabel('标签').fill('编辑器测试, LLM');
  await page.getByLabel('正文', { exact: true }).fill(body);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\?created=1$/);
  return Number(page.url().match(/posts\/(\d+)/)![1]);
}

async function save(page: Page, changes: Record<string, string>) {
  for (const [label, value] of Object.entries(changes)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: '保存', exact: true }).click();
}

test('an editor writes and edits a post, and the public page follows on the next request', async ({ page }) => {
  const slug = `editor-${unique()}`;
  await createPost(page, slug, '编辑器第一版', '## 第一节\n\n最初的正文。');
  await page.goto(`/posts/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('编辑器第一版');
  await expect(page.getByRole('heading', { name: '第一节' })).toBeVisible();

  await page.goBack();
  await save(page, { 标题: '编辑器第二版', 正文: '## 第一节\n\n修改后的正文，**加粗**。' });
  await expect(page.getByRole('status').filter({ hasText: '已保存为版本 2' })).toBeVisible();
  await page.goto(`/posts/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('编辑器第二版');
  await expect(page.locator('.prose strong')).toHaveText('加粗');
});

test('the preview renders with the public pipeline, and bad input is shown beside its field', async ({ page }) => {
  await page.goto('/admin/posts/new');
  await page.getByLabel('正文格式').selectOption('markdown');
  await page.getByLabel('正文', { exact: true }).fill('## 预览标题\n\n<script>alert(1)</script>正文');
  const preview = page.getByRole('region', { name: '预览' });
  await expect(preview.getByRole('heading', { name: '预览标题' })).toBeVisible();
  await expect(preview.locator('script')).toHaveCount(0);

  await page.getByRole('button', { name: '保存', exact: true }).click();
  const title = page.getByLabel('标题');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toBeFocused();
  await expect(page.locator('#field-title-error')).toHaveText('标题不能为空');

  await page.getByLabel('标题').fill('MDX 表达式');
  await page.getByLabel('正文格式').selectOption('mdx');
  await page.getByLabel('正文', { exact: true }).fill('数值：{1 + 1}');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('#field-body-error')).toContainText('MDX 中不允许花括号');
});

test('history compares any two revisions and restores one as a new revision', async ({ page }) => {
  const slug = `history-${unique()}`;
  const id = await createPost(page, slug, '历史第一版', '第一版的正文：大模型的知识有截止日期。');
  await save(page, { 标题: '历史第二版', 正文: '第二版的正文：大模型的知识有截止日期。' });
  await expect(page.getByRole('status').filter({ hasText: '版本 2' })).toBeVisible();
  await save(page, { 标题: '历史第三版', 正文: '第三版的正文：大模型的知识没有截止日期。' });
  await expect(page.getByRole('status').filter({ hasText: '版本 3' })).toBeVisible();

  await page.goto(`/admin/posts/${id}/history`);
  const rows = page.locator('table').first().locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('标题、正文');
  await page.getByLabel('旧版本').selectOption('1');
  await page.getByLabel('新版本').selectOption('3');
  await page.getByRole('button', { name: '对比' }).click();
  await expect(page.getByRole('heading', { name: '对比版本 1 与 3' })).toBeVisible();
  await expect(page.locator('del').filter({ hasText: '历史第一版' }).first()).toBeVisible();
  await expect(page.locator('ins').filter({ hasText: '没' }).first()).toBeVisible();

  await rows.filter({ hasText: /^1/ }).getByRole('button', { name: '恢复此版本' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已将版本 1 恢复为新版本 4' })).toBeVisible();
  await expect(page.locator('table').first().locator('tbody tr')).toHaveCount(4);
  await page.goto(`/posts/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('历史第一版');
});

test('two editors on one post: the second save is refused, shows the difference, and loses nothing', async ({ page, browser }) => {
  const slug = `conflict-${unique()}`;
  const id = await createPost(page, slug, '冲突测试', '原始正文。');
  const other = await browser.newContext({ storageState: ADMIN_STATE });
  const second = await other.newPage();
  await second.goto(`/admin/posts/${id}`);
  await page.goto(`/admin/posts/${id}`);

  await save(page, { 正文: '第一个人的修改。' });
  await expect(page.getByRole('status').filter({ hasText: '版本 2' })).toBeVisible();

  await save(second, { 正文: '第二个人的修改。' });
  const conflict = second.getByRole('alert').filter({ hasText: '编辑冲突' });
  await expect(conflict).toBeVisible();
  await expect(conflict.locator('del').first()).toContainText('一');
  await expect(conflict.locator('ins').first()).toContainText('二');
  await expect(second.getByLabel('正文', { exact: true })).toHaveText('第二个人的修改。');

  await conflict.getByRole('button', { name: '以我的版本为准' }).click();
  await second.getByRole('button', { name: '保存', exact: true }).click();
  await expect(second.getByRole('status').filter({ hasText: '版本 3' })).toBeVisible();
  await second.goto(`/admin/posts/${id}/history`);
  await expect(second.locator('table').first().locator('tbody tr')).toHaveCount(3);
  await other.close();
});
