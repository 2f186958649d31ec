import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
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
  // A second admin page, opened before any of the saves below.
  const other = await admin.newPage();
  await other.goto('/admin/settings');
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
    // Inner pages name the feed, and describe the default social image, by the stored title too.
    for (const path of [`/posts/${samples.rag.slug}`, `/tags/${encodeURIComponent('大模型')}`, '/archive']) {
      await page.goto(path);
      await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]'), path).toHaveAttribute('title', '设置后的站名');
    }
    await page.goto('/search');
    await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', '设置后的站名');
    await page.goto('/admin/posts/new');
    await expect(page.locator('.serp-title')).toHaveText('（无标题） · 设置后的站名');
    await page.goto(`/posts/${samples.rag.slug}`);
    const feed = await (await page.request.get('/feed.xml')).text();
    expect(feed).toContain('<title>设置后的站名</title>');
    expect(feed).toContain('<link>https://blog.example.com/</link>');

    // The admin's times follow the zone.
    await page.goto('/admin/users');
    await expect(page.getByRole('row').filter({ hasText: ADMIN.email }).locator('time')).toContainText('东京时间（UTC+09:00）');

    // The page opened before that save changes the title too: refused, with the title now stored named, and nothing lost.
    const otherForm = settingsForm(other);
    await otherForm.getByLabel('站点标题').fill('另一位管理员的站名');
    await saveSettings(other);
    await expect(otherForm.getByRole('status')).toContainText('标出的字段已被另一次保存修改，设置没有保存');
    await expect(otherForm.getByText('已被改为“设置后的站名”')).toBeVisible();
    await expect(otherForm.getByLabel('站点标题')).toHaveValue('另一位管理员的站名');
    // The fields it did not edit now show what the first page saved, so saving again replaces the title only.
    await expect(otherForm.getByLabel('站点简介')).toHaveValue('设置后的简介。');
    await saveSettings(other);
    await expect(otherForm.getByRole('status')).toContainText('已保存');
    await page.goto('/');
    await expect(page.getByRole('banner').getByRole('link', { name: '另一位管理员的站名' })).toBeVisible();
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', '设置后的简介。');
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

const settingsForm = (page: Page) => page.getByRole('form', { name: '站点设置' });

/** Saves the form and waits for the server's answer (the status may still say what the last save did). */
async function saveSettings(page: Page) {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/admin/settings');
  await settingsForm(page).getByRole('button', { name: '保存设置' }).click();
  await answered;
}

const cards = (page: Page) => page.locator('.post-card h2');
const pagination = (page: Page) => page.getByRole('navigation', { name: '分页' });

test('posts per page changes the home and tag pages and their paging at once; a bad number is refused and nothing is lost', async ({ browser }) => {
  test.slow();
  const admin = await signedIn(browser, ADMIN, 'admin');
  const page = await admin.newPage();
  const reader = await (await browser.newContext()).newPage();
  await page.goto('/admin/settings');
  const form = settingsForm(page);
  const perPage = form.getByLabel('每页文章数');
  const saved = await perPage.inputValue();
  try {
    await reader.goto('/');
    const shownBefore = await cards(reader).count();
    for (const bad of ['0', '101']) {
      await perPage.fill(bad);
      await form.getByLabel('站点简介').fill('不会保存的简介。');
      await saveSettings(page);
      await expect(form.getByText('每页文章数需为 1 到 100 之间的整数')).toBeVisible();
      await expect(perPage).toHaveAttribute('aria-invalid', 'true');
      // What was typed stays in the form; what was saved stays saved.
      await expect(perPage).toHaveValue(bad);
      await expect(form.getByLabel('站点简介')).toHaveValue('不会保存的简介。');
    }
    await reader.goto('/');
    await expect(cards(reader)).toHaveCount(shownBefore);
    await expect(reader.locator('meta[name="description"]')).not.toHaveAttribute('content', '不会保存的简介。');
    await page.goto('/admin/settings');
    await expect(perPage).toHaveValue(saved);

    await perPage.fill('3');
    await saveSettings(page);
    await expect(form.getByRole('status')).toContainText('已保存');
    await reader.goto('/');
    await expect(cards(reader)).toHaveCount(3);
    const firstPage = await cards(reader).allTextContents();
    await pagination(reader).getByRole('link', { name: /较早的文章/ }).click();
    await expect(reader).toHaveURL(/\/before\/\d+$/);
    await expect(cards(reader)).toHaveCount(3);
    await expect(pagination(reader)).toContainText('第 2 页');
    expect((await cards(reader).allTextContents()).filter((t) => firstPage.includes(t))).toEqual([]);
    const secondWindow = new URL(reader.url()).pathname;

    await reader.goto(`/tags/${encodeURIComponent('大模型')}`);
    await expect(cards(reader)).toHaveCount(3);
    await pagination(reader).getByRole('link', { name: /较早的文章/ }).click();
    await expect(reader).toHaveURL(/\/tags\/.+\/before\/\d+$/);
    expect(await cards(reader).count()).toBeGreaterThan(0);
    expect(await cards(reader).count()).toBeLessThanOrEqual(3);
    await expect(pagination(reader)).toContainText('第 2 页');

    // A window link made at 3 a page still gives a full page at 5, and the newer link leads to the first page.
    await page.goto('/admin/settings');
    await perPage.fill('5');
    await saveSettings(page);
    await expect(form.getByRole('status')).toContainText('已保存');
    const response = await reader.goto(secondWindow);
    expect(response?.status()).toBe(200);
    await expect(cards(reader)).toHaveCount(5);
    await expect(pagination(reader)).toContainText('第 2 页');
    await expect(pagination(reader).getByRole('link', { name: /较新的文章/ })).toHaveAttribute('href', '/');
    await reader.goto('/');
    await expect(cards(reader)).toHaveCount(5);
  } finally {
    await page.goto('/admin/settings');
    await perPage.fill(saved);
    await saveSettings(page);
    await expect(form.getByRole('status')).toContainText('已保存');
    await reader.context().close();
    await admin.close();
  }
});

const png = (width: number, height: number, background: string) => sharp({ create: { width, height, channels: 4, background } }).png().toBuffer();

test('logo and favicon come from the media library (picked, or uploaded there), and every page shows them', async ({ browser }) => {
  test.slow();
  const admin = await signedIn(browser, ADMIN, 'admin');
  const page = await admin.newPage();
  const reader = await (await browser.newContext()).newPage();
  const unique = Date.now().toString(36);
  const logoName = `标志-${unique}.png`;
  const iconName = `图标-${unique}.png`;
  const form = settingsForm(page);
  const logo = form.getByRole('group', { name: '标志' });
  const icon = form.getByRole('group', { name: '网站图标' });
  try {
    await page.goto('/admin/media');
    await page.getByLabel('上传图片').setInputFiles({ name: logoName, mimeType: 'image/png', buffer: await png(240, 80, '#aa3300') });
    await expect(page.getByText(`已上传“${logoName}”`)).toBeVisible({ timeout: 20_000 });

    await page.goto('/admin/settings');
    await logo.getByRole('button', { name: '从媒体库选择…' }).click();
    const library = logo.getByRole('region', { name: '为标志选择图片' });
    await library.getByLabel('按文件名搜索').fill(logoName);
    await library.getByLabel('按文件名搜索').press('Enter');
    await library.getByRole('button', { name: `选择 ${logoName}` }).click();
    await expect(library).toHaveCount(0);
    const logoUrl = await logo.locator('input[type="hidden"]').inputValue();
    expect(logoUrl).toMatch(/^\/media\/[0-9a-f]{32}\.png$/);

    await icon.getByLabel('上传新图片…').setInputFiles({ name: iconName, mimeType: 'image/png', buffer: await png(64, 64, '#0033aa') });
    await expect(icon.getByText(`已上传到媒体库并选中“${iconName}”`)).toBeVisible({ timeout: 20_000 });
    const iconUrl = await icon.locator('input[type="hidden"]').inputValue();
    expect(iconUrl).toMatch(/^\/media\/[0-9a-f]{32}\.png$/);
    await saveSettings(page);
    await expect(form.getByRole('status')).toContainText('已保存');

    for (const path of ['/', `/posts/${samples.rag.slug}`]) {
      await reader.goto(path);
      await expect(reader.getByRole('banner').locator('img')).toHaveAttribute('src', logoUrl);
      // Its size is known before it loads: 240×80 shown 32 high.
      await expect(reader.getByRole('banner').locator('img')).toHaveAttribute('width', '96');
      await expect(reader.locator('link[rel="icon"]')).toHaveCount(1);
      await expect(reader.locator('link[rel="icon"]')).toHaveAttribute('href', iconUrl);
      await expect(reader.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', iconUrl);
    }
    const served = await reader.request.get(iconUrl);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/png');

    // The library will not delete an image the site shows.
    await page.goto(`/admin/media?q=${encodeURIComponent(logoName)}`);
    const remove = page.getByRole('form', { name: `删除 ${logoName}` });
    await remove.getByRole('button', { name: '删除' }).click();
    await expect(remove.getByRole('alert')).toContainText('这张图片是站点的标志');
  } finally {
    await page.goto('/admin/settings');
    // Streamed content may still sit hidden just after the load event: count once the form is shown and running.
    await expect(form.getByRole('button', { name: '保存设置' })).toBeEnabled();
    for (const group of [logo, icon]) {
      if (await group.getByRole('button', { name: '清除' }).count()) await group.getByRole('button', { name: '清除' }).click();
    }
    await saveSettings(page);
    await expect(form.getByRole('status')).toContainText('已保存');
    await reader.goto('/');
    await expect(reader.locator('link[rel="icon"]')).toHaveAttribute('href', '/icon.svg');
    await expect(reader.getByRole('banner').locator('img')).toHaveCount(0);
    await reader.context().close();
    await admin.close();
  }
});

test('editors cannot open or save the site settings', async ({ browser }) => {
  const editor = await signedIn(browser, EDITOR, 'editor');
  const response = await editor.request.get('/admin/settings');
  expect(response.status()).toBe(403);
  await editor.close();
});
