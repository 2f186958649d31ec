import { expect, test, type Page, type Request } from '@playwright/test';
import { ADMIN, ADMIN_STATE, EDITOR_STATE, ensureUser } from './users';

/** Submits a form in the UI and returns the server action's id and body, to replay it as someone else. */
async function captureAction(page: Page, submit: () => Promise<void>) {
  const request = page.waitForRequest((r: Request) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await submit();
  const r = await request;
  return { id: r.headers()['next-action']!, body: r.postDataBuffer()!, contentType: r.headers()['content-type']! };
}

test.describe('anonymous visitors', () => {
  for (const path of ['/admin', '/admin/posts/new', '/admin/users', '/admin/tags', '/admin/import', '/admin/posts/1/history']) {
    test(`are sent to sign in from ${path}`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers().location).toContain('/admin/login');
    });
  }

  test('get 401 from the export handler and from a server action called directly', async ({ request, browser }) => {
    expect((await request.get('/admin/export', { maxRedirects: 0 })).status()).toBe(307);
    const admin = await browser.newContext({ storageState: ADMIN_STATE });
    const page = await admin.newPage();
    await page.goto('/admin/tags');
    const action = await captureAction(page, () => page.getByRole('button', { name: '改名' }).first().click());
    await admin.close();
    const response = await request.post('/admin/tags', { headers: { 'next-action': action.id, 'content-type': action.contentType }, data: action.body, maxRedirects: 0 });
    expect(response.status()).toBe(401);
  });
});

test.describe('editors', () => {
  test.use({ storageState: EDITOR_STATE });

  test('get 403 on the admin-only users page', async ({ page, request }) => {
    expect((await request.get('/admin/users', { maxRedirects: 0 })).status()).toBe(403);
    await page.goto('/admin');
    await expect(page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '用户' })).toHaveCount(0);
  });

  test('are refused an admin-only action called directly, and nothing changes', async ({ browser, page }) => {
    const admin = await browser.newContext({ storageState: ADMIN_STATE });
    const adminPage = await admin.newPage();
    await adminPage.goto('/admin/users');
    const form = adminPage.getByRole('form', { name: '新建用户' });
    await form.getByLabel('邮箱').fill(`first-${Date.now()}@example.com`);
    await form.getByLabel('初始密码').fill('a long enough password');
    const action = await captureAction(adminPage, () => form.getByRole('button', { name: '新建用户' }).click());

    // Replay the same action from an editor's session: on its own page (the proxy answers 403)
    // and on a page editors may open (the action is not run there).
    const body = Buffer.from(action.body.toString('latin1').replace(/first-\d+@example\.com/, 'sneaky@example.com'), 'latin1');
    const headers = { 'next-action': action.id, 'content-type': action.contentType };
    const own = await page.request.post('/admin/users', { headers, data: body, maxRedirects: 0 });
    expect(own.status()).toBe(403);
    const elsewhere = await page.request.post('/admin', { headers, data: body, maxRedirects: 0 });
    expect(await elsewhere.text()).not.toContain('已创建');
    await adminPage.goto('/admin/users');
    await expect(adminPage.getByRole('cell', { name: 'sneaky@example.com' })).toHaveCount(0);
    await admin.close();
  });
});

test('a disabled user is signed out at once', async ({ browser }) => {
  const victim = { email: `disable-${Date.now()}@example.com`, password: 'a long enough password' };
  await ensureUser(victim, 'editor');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('邮箱').fill(victim.email);
  await page.getByLabel('密码').fill(victim.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '文章' })).toBeVisible();

  const admin = await browser.newContext({ storageState: ADMIN_STATE });
  const adminPage = await admin.newPage();
  await adminPage.goto('/admin/users');
  adminPage.once('dialog', (dialog) => void dialog.accept());
  await adminPage.getByRole('button', { name: `停用 ${victim.email}` }).click();
  await expect(adminPage.getByRole('button', { name: `启用 ${victim.email}` })).toBeVisible();

  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login/);
  await context.close();
  await admin.close();
});

test('sign-in is slowed down per account with one message for every failure', async ({ page }) => {
  const target = { email: `locked-${Date.now()}@example.com`, password: 'the right password' };
  await ensureUser(target, 'editor');
  await page.goto('/admin/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('邮箱').fill(target.email);
    await page.getByLabel('密码').fill(`wrong ${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.locator('#login-error')).toHaveText('邮箱或密码不正确，或账号已停用。');
  }
  await page.getByLabel('邮箱').fill(`nobody-${Date.now()}@example.com`);
  await page.getByLabel('密码').fill('whatever');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('#login-error')).toHaveText('邮箱或密码不正确，或账号已停用。');

  await page.getByLabel('邮箱').fill(target.email);
  await page.getByLabel('密码').fill(target.password);
  await page.getByRole('button', { name: '登录' }).click();
  // A new browser with the right password waits out the delay (e2e/auth-attack.spec.ts: the owner's own browser does not).
  await expect(page.locator('#login-error')).toHaveText(/^尝试次数过多，请 \d+ 秒后再试。$/);
  expect(ADMIN.email).not.toBe(target.email);
});
