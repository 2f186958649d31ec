import { expect, test as setup } from '@playwright/test';
import { ADMIN, ADMIN_STATE, EDITOR, EDITOR_STATE, ensureUser } from './users';

for (const [user, role, state] of [
  [ADMIN, 'admin', ADMIN_STATE],
  [EDITOR, 'editor', EDITOR_STATE],
] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await ensureUser(user, role);
    await page.goto('/admin/login');
    await page.getByLabel('邮箱').fill(user.email);
    await page.getByLabel('密码').fill(user.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '文章' })).toBeVisible();
    await page.context().storageState({ path: state });
  });
}
