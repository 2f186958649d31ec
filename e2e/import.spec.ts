import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { EDITOR, EDITOR_STATE } from './users';

test.use({ storageState: EDITOR_STATE });

test('an editor imports a 12 MB upload: the post lands with working footnotes, every other entry has its line', async ({ page }) => {
  test.setTimeout(90_000);
  const slug = `upload-${Date.now().toString(36)}`;
  const post = `---\ntitle: 上传的脚注文章\ndate: 2020-02-02 10:00:00 +08:00\nslug: ${slug}\n---\n\n## 引言\n\n正文引用了一条脚注[^1]。\n\n${'填充段落。\n\n'.repeat(80)}## 结语\n\n完。\n\n[^1]: 脚注的内容。\n`;
  const batch = zipSync({
    [`posts/2020-02-02-${slug}.md`]: strToU8(post),
    // Incompressible, stored: the request is over Next's 1 MB action limit and proxy.ts's 10 MB buffer.
    'posts/photo.png': [randomBytes(12 * 1024 * 1024), { level: 0 }],
    'posts/inner.zip': zipSync({ 'x.md': strToU8('---\ntitle: x\n---\n') }),
  });
  await page.goto('/admin/import');
  await page.getByLabel(/文章文件/).setInputFiles([
    { name: 'batch.zip', mimeType: 'application/zip', buffer: Buffer.from(batch) },
    { name: 'broken.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 not really a zip') },
  ]);
  await page.getByRole('button', { name: '导入' }).click();

  const report = page.getByRole('region', { name: /导入结果/ });
  await expect(report.getByRole('heading')).toContainText('新导入 1', { timeout: 60_000 });
  const row = (file: string) => report.getByRole('row').filter({ has: page.getByRole('cell', { name: file, exact: true }) });
  await expect(row('batch.zip/photo.png')).toContainText('跳过');
  await expect(row('batch.zip/photo.png')).toContainText('不是文章文件（.png）');
  await expect(row('batch.zip/inner.zip')).toContainText(/失败.*zip 中的压缩包不会被打开/);
  await expect(row('broken.zip')).toContainText(/失败.*无法读取 zip/);

  // The import's revision names the editor who uploaded it.
  const edit = await row(`batch.zip/2020-02-02-${slug}.md`).getByRole('link').getAttribute('href');
  expect(edit).toMatch(/^\/admin\/posts\/\d+$/);
  await page.goto(`${edit}/history`);
  await expect(page.getByRole('table', { name: '全部修订' }).getByRole('row').nth(1)).toContainText(EDITOR.email);

  // Footnote reference and back reference land on their targets.
  await page.goto(`/posts/${slug}`);
  await page.locator('sup a').click();
  expect(new URL(page.url()).hash).toBe('#user-content-fn-1');
  await expect(page.locator('#user-content-fn-1')).toBeInViewport();
  await page.locator('#user-content-fn-1 a[href^="#"]').click();
  await expect(page.locator('sup a')).toBeInViewport();
  const ids = await page.locator('.prose [id]').evaluateAll((nodes) => nodes.map((n) => n.id));
  expect(ids.filter((id) => !id.startsWith('user-content-'))).toEqual([]);
});
