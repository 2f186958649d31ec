import { expect, test, type Browser } from '@playwright/test';
import { ensureUser } from './users';

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function signIn(browser: Browser, email: string, password: string, expectSuccess = true) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  if (expectSuccess) await expect(page.getByRole('heading', { level: 1, name: '文章' })).toBeVisible();
  return page;
}

test('an editor changes their own password: the current one is required, and their other sessions end', async ({ browser }) => {
  // Five sign-ins in fresh browsers, a refused and an accepted change: over 30 s when CI shares its two cores.
  test.setTimeout(60_000);
  const user = { email: `account-${unique()}@example.com`, password: 'the first password 1' };
  await ensureUser(user, 'editor');
  const here = await signIn(browser, user.email, user.password);
  const elsewhere = await signIn(browser, user.email, user.password);

  await here.getByRole('link', { name: /account-.*（编辑）/ }).click();
  await expect(here.getByRole('heading', { level: 1, name: '我的账户' })).toBeVisible();
  const form = here.getByRole('form', { name: '修改密码' });
  await form.getByLabel('当前密码').fill('not my password at all');
  await form.getByLabel('新密码', { exact: true }).fill('the second password 2');
  await form.getByLabel('再输入一次新密码').fill('the second password 2');
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(form.getByText('当前密码不对')).toBeVisible();

  await form.getByLabel('当前密码').fill(user.password);
  await form.getByLabel('新密码', { exact: true }).fill('the second password 2');
  await form.getByLabel('再输入一次新密码').fill('the second password 2');
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(form.getByRole('status')).toContainText('密码已修改');

  await here.goto('/admin');
  await expect(here.getByRole('heading', { level: 1, name: '文章' })).toBeVisible();
  await elsewhere.goto('/admin');
  await expect(elsewhere).toHaveURL(/\/admin\/login/);
  const old = await signIn(browser, user.email, user.password, false);
  await expect(old.locator('#login-error')).toHaveText(/\S/);
  await signIn(browser, user.email, 'the second password 2');
});

test('a display name is the byline of their posts in the feed, and names them in the admin header', async ({ browser, request }) => {
  const user = { email: `byline-${unique()}@example.com`, password: 'a byline password 1' };
  await ensureUser(user, 'editor');
  const page = await signIn(browser, user.email, user.password);
  await page.goto('/admin/account');
  const name = `署名人${unique()}`;
  const form = page.getByRole('form', { name: '署名' });
  await form.getByLabel('显示名称').fill(name);
  await form.getByRole('button', { name: '保存署名' }).click();
  await expect(form.getByRole('status')).toContainText(name);
  await expect(page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: new RegExp(name) })).toBeVisible();

  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill(`署名测试 ${name}`);
  await page.getByLabel('状态').selectOption('published');
  await page.getByLabel('正文', { exact: true }).fill('有署名的文章。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\?created=1$/);
  const feed = await (await request.get('/feed.xml')).text();
  expect(feed).toContain(`<dc:creator>${name}</dc:creator>`);
});
