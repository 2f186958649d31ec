import { expect, test, type Page } from '@playwright/test';
import { signInByApi } from './sign-in';
import { ADMIN_STATE, ensureUser } from './users';

test.use({ storageState: ADMIN_STATE });

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

function answerNextDialog(page: Page, accept: boolean) {
  return new Promise<string>((resolve) => page.once('dialog', (dialog) => (resolve(dialog.message()), void (accept ? dialog.accept() : dialog.dismiss()))));
}

test('an admin sees when each user last signed in, and every change to a user asks first', async ({ page, browser }) => {
  test.slow();
  const user = { email: `people-${unique()}@example.com`, password: 'a people password 1' };
  await ensureUser(user, 'editor');
  await page.goto('/admin/users');
  const row = () => page.getByRole('row').filter({ hasText: user.email });
  await expect(row()).toContainText('从未登录');

  const context = await browser.newContext();
  expect(await signInByApi(context.request, user.email, user.password)).toBeNull();
  await page.reload();
  await expect(row().locator('time')).toContainText('北京时间（UTC+08:00）');

  // Role: refused at the question, then made.
  const form = page.getByRole('form', { name: `${user.email} 的角色` });
  await form.getByLabel('角色').selectOption('admin');
  let asked = answerNextDialog(page, false);
  await form.getByRole('button', { name: '更改角色' }).click();
  expect(await asked).toContain('改为“管理员”');
  await page.reload();
  await expect(row()).toContainText('编辑');
  await page.getByRole('form', { name: `${user.email} 的角色` }).getByLabel('角色').selectOption('admin');
  asked = answerNextDialog(page, true);
  await page.getByRole('form', { name: `${user.email} 的角色` }).getByRole('button', { name: '更改角色' }).click();
  await asked;
  await expect(row()).toContainText(`已把 ${user.email} 的角色改为管理员。`);
  await expect(row().getByRole('cell', { name: '管理员', exact: true })).toBeVisible();

  // Disable: asked, then the account is disabled and says so.
  asked = answerNextDialog(page, true);
  await page.getByRole('button', { name: `停用 ${user.email}` }).click();
  expect(await asked).toContain('不能再登录');
  await expect(page.getByRole('button', { name: `启用 ${user.email}` })).toBeVisible();
  await expect(row().getByRole('cell', { name: '已停用', exact: true })).toBeVisible();

  // Enable and reset: each asked.
  asked = answerNextDialog(page, true);
  await page.getByRole('button', { name: `启用 ${user.email}` }).click();
  expect(await asked).toContain('确定启用');
  await expect(page.getByRole('button', { name: `停用 ${user.email}` })).toBeVisible();
  asked = answerNextDialog(page, true);
  await row().getByRole('button', { name: '重置密码' }).click();
  expect(await asked).toContain('确定重置');
  await expect(row().getByText(/新密码：/)).toBeVisible();
  await context.close();
});
