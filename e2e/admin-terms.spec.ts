import { expect, test, type Page } from '@playwright/test';
import { EDITOR_STATE } from './users';

test.use({ storageState: EDITOR_STATE });

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

function acceptNextDialog(page: Page) {
  return new Promise<string>((resolve) => page.once('dialog', (dialog) => (resolve(dialog.message()), void dialog.accept())));
}

async function createPost(page: Page, tags: string, categories = '') {
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill(`分类标签 ${unique()}`);
  await page.getByLabel('标签').fill(tags);
  await page.getByLabel('分类').fill(categories);
  await page.getByLabel('正文', { exact: true }).fill('正文。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/created=1/, { timeout: 20_000 });
  return page.url().replace(/\?.*$/, '');
}

test('an editor finds a tag by search, renames it, merges it through the picker and deletes an unused one, told each time', async ({ page }) => {
  const id = unique();
  const [a, b, spare] = [`术语甲${id}`, `术语乙${id}`, `空置${id}`];
  test.slow();
  const first = await createPost(page, `${a}, ${b}, ${spare}`);
  await createPost(page, b);

  await page.goto('/admin/tags');
  await page.getByRole('search', { name: '搜索标签' }).getByLabel('名称包含').fill(id);
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(4);

  // Rename.
  const renamed = `术语丙${id}`;
  await page.getByLabel(`“${a}”的新名称`).fill(renamed);
  await page.getByRole('form', { name: `给“${a}”改名` }).getByRole('button', { name: '改名' }).click();
  await expect(page.getByRole('status')).toContainText(`已把标签“${a}”改名为“${renamed}”`);

  // Merge through the picker: typing offers the few matching tags, not all of them.
  const picker = page.getByLabel(`把“${renamed}”合并到`);
  await picker.pressSequentially(`术语乙${id}`.slice(0, 4));
  await expect(page.locator(`datalist option[value="${b}"]`)).toHaveCount(1);
  await picker.fill(b);
  const asked = acceptNextDialog(page);
  await page.getByRole('form', { name: `合并“${renamed}”` }).getByRole('button', { name: '合并' }).click();
  expect(await asked).toContain(`把“${renamed}”合并到“${b}”：1 篇文章`);
  await expect(page.getByRole('status')).toContainText(`已把标签“${renamed}”合并到“${b}”（1 篇文章）`);
  await expect(page.getByRole('link', { name: renamed, exact: true })).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: b }).getByRole('cell', { name: '2', exact: true })).toBeVisible();

  // A tag still in use cannot be deleted; once no post has it, it can.
  await expect(page.getByRole('form', { name: `删除“${spare}”` })).toHaveCount(0);
  await page.goto(first);
  await page.getByLabel('标签').fill(b);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('.editor-actions').getByRole('status')).toContainText('已保存为版本', { timeout: 20_000 });
  await page.goto(`/admin/tags?q=${encodeURIComponent(spare)}`);
  const deleted = acceptNextDialog(page);
  await page.getByRole('form', { name: `删除“${spare}”` }).getByRole('button', { name: '删除' }).click();
  expect(await deleted).toContain(spare);
  await expect(page.getByRole('status')).toContainText(`已删除标签“${spare}”`);
  await expect(page.getByText('共 0 个标签')).toBeVisible();
});

test('categories have the same page, and a page past the last goes to the last', async ({ page }) => {
  const category = `分类${unique()}`;
  await createPost(page, '', category);
  await page.goto(`/admin/tags?kind=category&q=${encodeURIComponent(category)}&page=999`);
  await expect(page).toHaveURL(/kind=category/);
  await expect(page).not.toHaveURL(/page=999/);
  await expect(page.getByRole('link', { name: category, exact: true })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: category }).getByRole('cell', { name: '1', exact: true })).toBeVisible();
});
