import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { ADMIN_STATE } from './users';

test.use({ storageState: ADMIN_STATE });

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A photo as a phone takes it: EXIF with GPS coordinates. */
const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: (width * 7) % 255 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 0/1' } })
    .toBuffer();

function answerPrompt(page: Page, text: string) {
  page.once('dialog', (dialog) => void dialog.accept(text));
}

async function newPost(page: Page, title: string) {
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('正文', { exact: true }).fill('图片之前。');
}

const body = (page: Page) => page.getByLabel('正文', { exact: true });

test('an image uploaded by button is stripped, resized, served immutable without a session, and inserted with its size', async ({ page }) => {
  const name = `相机-${unique()}.jpg`;
  await newPost(page, `图片上传 ${name}`);
  answerPrompt(page, '一张测试照片');
  await page.getByLabel('插入图片…').setInputFiles({ name, mimeType: 'image/jpeg', buffer: await photo(2000, 1000) });
  await expect(page.getByRole('status').filter({ hasText: `已插入“${name}”（2000×1000）` })).toBeVisible({ timeout: 20_000 });
  await expect(body(page)).toContainText('alt="一张测试照片" width="2000" height="1000"');
  const text = (await body(page).textContent())!;
  const original = /src="(\/media\/[0-9a-f]{32}\.jpg)"/.exec(text)![1]!;
  expect(text).toContain('type="image/avif"');
  expect(text).toMatch(/\/media\/[0-9a-f]{32}-960\.webp 960w/);

  const anonymous = await playwrightRequest.newContext({ baseURL: new URL(page.url()).origin });
  const response = await anonymous.get(original);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/jpeg');
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const meta = await sharp(await response.body()).metadata();
  expect([meta.width, meta.height]).toEqual([2000, 1000]);
  expect(meta.exif, 'EXIF (GPS included) is stripped').toBeUndefined();
  const avif = await anonymous.get(original.replace('.jpg', '-960.avif'));
  expect(avif.headers()['content-type']).toBe('image/avif');
  expect((await sharp(await avif.body()).metadata()).width).toBe(960);
  expect((await anonymous.get('/media/0123456789abcdef0123456789abcdef.jpg')).status()).toBe(404);
  await anonymous.dispose();

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/created=1/);
});

test('pasting and dropping an image into the body inserts it where it lands', async ({ page }) => {
  await newPost(page, `粘贴图片 ${unique()}`);
  const png = (await sharp({ create: { width: 300, height: 200, channels: 4, background: '#3366ff' } }).png().toBuffer()).toString('base64');
  const send = (type: 'paste' | 'drop', name: string) =>
    page.locator('.cm-content').evaluate(
      (target, [base64, eventType, fileName]) => {
        const bytes = Uint8Array.from(atob(base64!), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], fileName!, { type: 'image/png' }));
        const rect = target.getBoundingClientRect();
        const init = { bubbles: true, cancelable: true, clientX: rect.left + 5, clientY: rect.top + 5 };
        target.dispatchEvent(eventType === 'paste' ? new ClipboardEvent('paste', { ...init, clipboardData: data }) : new DragEvent('drop', { ...init, dataTransfer: data }));
      },
      [png, type, name] as const,
    );
  await body(page).click();
  await page.keyboard.press('Control+End');
  answerPrompt(page, '粘贴的图');
  await send('paste', 'pasted.png');
  await expect(body(page)).toContainText('alt="粘贴的图" width="300" height="200"', { timeout: 20_000 });
  answerPrompt(page, '拖进来的图');
  await send('drop', `dropped-${unique()}.png`);
  await expect(body(page)).toContainText('alt="拖进来的图"', { timeout: 20_000 });
  await expect(body(page)).toContainText('图片之前。');
});

test('what is not a usable image is refused with a clear reason', async ({ page }) => {
  await newPost(page, `拒绝的图片 ${unique()}`);
  const cases = [
    { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), error: '不接受 SVG' },
    { name: 'page.png', mimeType: 'image/png', buffer: Buffer.from('<!doctype html><html><body>not an image</body></html>'), error: '不是可识别的图片' },
    { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(9 * 1024 * 1024, 1), error: '不能超过 8 MB' },
  ];
  for (const { error, ...file } of cases) {
    answerPrompt(page, file.name);
    await page.getByLabel('插入图片…').setInputFiles(file);
    await expect(page.getByRole('alert').filter({ hasText: error })).toBeVisible({ timeout: 20_000 });
  }
  await expect(body(page)).toHaveText('图片之前。');
});

test('the media page lists and searches images, shows where each is used, and refuses to delete a used one', async ({ page }) => {
  const [used, unused] = [`用到的-${unique()}.jpg`, `没用的-${unique()}.jpg`];
  const title = `用图片的文章 ${unique()}`;
  await newPost(page, title);
  answerPrompt(page, '用到的');
  await page.getByLabel('插入图片…').setInputFiles({ name: used, mimeType: 'image/jpeg', buffer: await photo(640, 480) });
  await expect(body(page)).toContainText('alt="用到的"', { timeout: 20_000 });
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/created=1/);

  await page.goto('/admin/media');
  await page.getByLabel('上传图片').setInputFiles({ name: unused, mimeType: 'image/jpeg', buffer: await photo(641, 480) });
  await expect(page.getByRole('status').filter({ hasText: `已上传“${unused}”` })).toBeVisible({ timeout: 20_000 });

  await page.getByLabel('按文件名搜索').fill(used);
  await page.getByRole('button', { name: '搜索' }).click();
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('640×480');
  await expect(rows.first().getByRole('link', { name: title })).toBeVisible();
  await rows.first().getByRole('button', { name: '删除' }).click();
  await expect(rows.first().getByRole('alert')).toContainText(`还在 1 篇文章中使用：“${title}”`);

  await page.goto(`/admin/media?q=${encodeURIComponent(unused)}`);
  await expect(page.locator('tbody tr').first()).toContainText('未使用');
  await page.locator('tbody tr').first().getByRole('button', { name: '删除' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(0);
});
