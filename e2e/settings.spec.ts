import { expect, test, type Browser } from '@playwright/test';
import { samples } from './fixtures';
import { signInByApi } from './sign-in';
import { ADMIN, EDITOR, ensureUser } from './users';

// Signs in itself, so it runs alone (`--project=settings --no-deps`) as well as after the other specs.
async function signedIn(browser: Browser, user: { email: string; password: string }, role: 'admin' | 'editor') {
  await ensureUser(user, role);
  const context = await browser.newContext();
  expect(await signInByApi(context.request, user.email, user.password)).toBeNull();
  return context;
}

test('an admin changes the site settings and every page says so at once, without a rebuild', async ({ browser }) => {
  test.slow();
  const admin = await signedIn(browser, ADMIN, 'admin');
  const page = await admin.newPage();
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: '站点设置' });
  const before = {
    title: await form.getByLabel('站点标题').inputValue(),
    description: await form.getByLabel('站点简介').inputValue(),
    timeZone: await form.getByLabel('时区').inputValue(),
    navLinks: await form.getByLabel('导航链接').inputValue(),
  };
  try {
    await form.getByLabel('时区').fill('Mars/Olympus');
    await form.getByRole('button', { name: '保存设置' }).click();
    await expect(form.getByText('不是有效的时区')).toBeVisible();

    await form.getByLabel('站点标题').fill('设置后的站名');
    await form.getByLabel('站点简介').fill('设置后的简介。');
    await form.getByLabel('时区').fill('Asia/Tokyo');
    await form.getByLabel('公开网址').fill('https://blog.example.com/ignored-path');
    await form.getByLabel('导航链接').fill(`${before.navLinks}\n关于 | /posts/about`);
    await form.getByRole('button', { name: '保存设置' }).click();
    await expect(form.getByRole('status')).toContainText('已保存');

    await page.goto('/');
    await expect(page.getByRole('banner').getByRole('link', { name: '设置后的站名' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '关于' })).toHaveAttribute('href', '/posts/about');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', '设置后的简介。');
    expect(await page.locator('script').count()).toBe(0);
    await page.goto(`/posts/${samples.rag.slug}`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `https://blog.example.com/posts/${samples.rag.slug}`);
    await expect(page).toHaveTitle(`${samples.rag.title} · 设置后的站名`);
    const feed = await (await page.request.get('/feed.xml')).text();
    expect(feed).toContain('<title>设置后的站名</title>');
    expect(feed).toContain('<link>https://blog.example.com/</link>');

    // The admin's times follow the zone.
    await page.goto('/admin/users');
    await expect(page.getByRole('row').filter({ hasText: ADMIN.email }).locator('time')).toContainText('东京时间（UTC+09:00）');
  } finally {
    await page.goto('/admin/settings');
    await form.getByLabel('站点标题').fill(before.title);
    await form.getByLabel('站点简介').fill(before.description);
    await form.getByLabel('时区').fill(before.timeZone);
    await form.getByLabel('公开网址').fill('');
    await form.getByLabel('导航链接').fill(before.navLinks);
    await form.getByRole('button', { name: '保存设置' }).click();
    await expect(form.getByRole('status')).toContainText('已保存');
    await admin.close();
  }
});

test('editors cannot open or save the site settings', async ({ browser }) => {
  const editor = await signedIn(browser, EDITOR, 'editor');
  const response = await editor.request.get('/admin/settings');
  expect(response.status()).toBe(403);
  await editor.close();
});
