import { expect, test, type Page } from '@playwright/test';
import { ADMIN_STATE, ensureUser } from './users';

test.use({ storageState: ADMIN_STATE });

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

function answerNextDialog(page: Page, accept: boolean) {
  return new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    });
  });
}

test('a permanent delete happens only once the title is typed', async ({ page }) => {
  const title = `永久删除 ${unique()}`;
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('正文', { exact: true }).fill('将被永久删除的正文。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\?created=1$/);
  const url = page.url().replace(/\?.*$/, '');
  await page.getByRole('button', { name: '移到回收站' }).click();
  await expect(page).toHaveURL(/view=trash/);
  await page.goto(url);

  await page.getByText('永久删除（含全部修订）…').click();
  const button = page.getByRole('button', { name: '永久删除（含全部修订）' });
  await expect(button).toBeDisabled();
  await page.getByLabel('文章标题').fill('别的标题');
  await expect(button).toBeDisabled();
  await page.getByLabel('文章标题').fill(title);
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page).toHaveURL(/view=trash&deleted=1/);
  await page.goto(url);
  await expect(page.getByRole('heading', { name: '页面不存在（404）' })).toBeVisible();
});

test('a tag merge says what it will do and asks once', async ({ page }) => {
  const [from, to] = [`合并源${unique()}`, `合并目标${unique()}`];
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill(`合并标签 ${from}`);
  await page.getByLabel('标签').fill(`${from}, ${to}`);
  await page.getByLabel('正文', { exact: true }).fill('正文。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/created=1/);

  await page.goto(`/admin/tags?q=${encodeURIComponent(from)}`);
  const form = page.getByRole('form', { name: `合并“${from}”` });
  await form.getByLabel(`把“${from}”合并到`).fill(to);
  let asked = answerNextDialog(page, false);
  await form.getByRole('button', { name: '合并' }).click();
  const message = await asked;
  expect(message).toContain(`把“${from}”合并到“${to}”`);
  expect(message).toContain('1 篇');
  expect(message).toContain('不能撤销');
  await page.reload();
  await expect(page.getByRole('link', { name: from, exact: true })).toBeVisible();

  asked = answerNextDialog(page, true);
  await page.getByRole('form', { name: `合并“${from}”` }).getByLabel(`把“${from}”合并到`).fill(to);
  await page.getByRole('form', { name: `合并“${from}”` }).getByRole('button', { name: '合并' }).click();
  await asked;
  // The merged tag's row goes away with its forms, and the page says what happened.
  await expect(page.getByRole('status')).toContainText(`已把标签“${from}”合并到“${to}”`);
  await expect(page.getByRole('link', { name: from, exact: true })).toHaveCount(0);
});

test('a password reset says what will happen and asks once', async ({ page }) => {
  const email = `reset-${unique()}@example.com`;
  await ensureUser({ email, password: 'a reset password 1' }, 'editor');
  await page.goto('/admin/users');
  const row = page.getByRole('row').filter({ hasText: email });
  let asked = answerNextDialog(page, false);
  await row.getByRole('button', { name: '重置密码' }).click();
  expect(await asked).toContain('所有设备上的登录都会结束');
  await expect(row.getByText(/新密码：/)).toHaveCount(0);

  asked = answerNextDialog(page, true);
  await row.getByRole('button', { name: '重置密码' }).click();
  await asked;
  await expect(row.getByText(/新密码：/)).toBeVisible();
});
