import { createServer, type Server } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { ADMIN_STATE, runCli } from './users';

test.use({ storageState: ADMIN_STATE });

let server: Server;
let origin = '';
/** The picture host listens on loopback, which the server refuses to fetch from unless told (playwright.config.ts tells the web server). */
const LOOPBACK_HOST = { IMAGE_FETCH_ALLOWED_ADDRESSES: '127.0.0.1' };

/** A picture host like the one the imported posts hotlink: it refuses foreign referers, redirects, stalls, or answers with a page. */
test.beforeAll(async () => {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#aa3377' } }).png().toBuffer();
  server = createServer((req, res) => {
    if (req.headers.referer) return res.writeHead(403, { 'content-type': 'text/plain' }).end('hotlinking refused');
    if (req.url === '/pic.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (req.url === '/moved.png') return res.writeHead(301, { location: '/pic.png' }).end();
    if (req.url === '/login.png') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>login');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the button brings a post’s remote images home and reports each one', async ({ page }) => {
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill(`远程图片 ${Date.now().toString(36)}`);
  await page.getByLabel('正文', { exact: true }).fill(`![图一](${origin}/pic.png)\n\n<img src="${origin}/moved.png" alt="图二">\n\n![坏图](${origin}/login.png)`);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/created=1/);
  const id = Number(/posts\/(\d+)/.exec(page.url())![1]);

  await page.getByRole('button', { name: '把远程图片搬回本站' }).click();
  const report = page.locator('.localise-images').getByRole('status');
  await expect(report).toContainText('已保存为版本 2', { timeout: 20_000 });
  await expect(report.getByRole('listitem').filter({ hasText: `${origin}/pic.png` })).toContainText('✓ /media/');
  await expect(report.getByRole('listitem').filter({ hasText: `${origin}/moved.png` })).toContainText('✓ /media/');
  await expect(report.getByRole('listitem').filter({ hasText: `${origin}/login.png` })).toContainText('✗ 返回的不是图片（text/html）');

  await page.goto(`/admin/posts/${id}`);
  const body = page.getByLabel('正文', { exact: true });
  await expect(body).toContainText('![图一](/media/');
  await expect(body).toContainText(`![坏图](${origin}/login.png)`);
  await page.goto(`/admin/posts/${id}/history`);
  await expect(page.locator('table').first()).toContainText(`${origin}/pic.png → /media/`);
});

test('content:import --localise-images brings imported posts’ images home', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'localise-'));
  const slug = `localised-import-${Date.now().toString(36)}`;
  await writeFile(path.join(dir, `${slug}.md`), `---\ntitle: 搬图导入\nslug: ${slug}\ndate: 2020-02-02 10:00:00\n---\n\n![图](${origin}/pic.png)\n\n![坏](${origin}/missing.png)\n`);
  const { code, output } = await runCli('import', ['--localise-images', dir], undefined, LOOPBACK_HOST);
  expect(output).toMatch(new RegExp(`✓ .*${slug}\\.md: ${origin}/pic\\.png → /media/[0-9a-f]{32}\\.png`));
  expect(output).toContain(`${origin}/missing.png: 服务器拒绝：HTTP 404`);
  expect(output).toContain('Images brought home 1, left remote 1.');
  expect(code).toBe(0);
});
