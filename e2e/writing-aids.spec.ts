import { expect, test } from '@playwright/test';
import { ADMIN_STATE } from './users';

test.use({ storageState: ADMIN_STATE, viewport: { width: 1700, height: 1000 } });

test('toolbar and Ctrl+B, I, K format the selection; the length and reading time follow the text', async ({ page }) => {
  await page.goto('/admin/posts/new');
  const body = page.getByLabel('正文', { exact: true });
  await body.click();
  await page.keyboard.type('重点');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+b');
  await expect(body).toHaveText('**重点**');
  await page.keyboard.press('End');
  await page.keyboard.type(' 强调');
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+i');
  await expect(body).toHaveText('**重点** *强调*');
  await page.keyboard.press('End');
  await page.keyboard.type(' 文档');
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+k');
  // The placeholder URL is selected: typing replaces it.
  await page.keyboard.type('https://example.com/doc');
  await expect(body).toHaveText('**重点** *强调* [文档](https://example.com/doc)');

  await page.getByLabel('正文格式').selectOption('html');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' 粗');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.getByRole('toolbar', { name: '格式工具栏' }).getByRole('button', { name: '粗体' }).click();
  await expect(body).toContainText('<strong>粗</strong>');

  const toolbar = page.getByRole('toolbar', { name: '格式工具栏' });
  await expect(toolbar).toContainText(/\d+ 字 · 约 1 分钟读完/);
  await body.fill('一'.repeat(1200));
  await expect(toolbar).toContainText('1200 字 · 约 3 分钟读完');
});

test('the search-result and social-card preview follow title, slug and description, with length counters', async ({ page }) => {
  await page.goto('/admin/posts/new');
  const serp = page.getByRole('region', { name: '搜索结果与分享卡片' });
  await page.getByLabel('标题').fill('检索增强生成入门');
  await page.getByLabel('网址别名').fill('rag-intro');
  await page.getByLabel('摘要').fill('短摘要。');
  await expect(serp).toContainText('/posts/rag-intro');
  await expect(serp).toContainText('检索增强生成入门 · ');
  await expect(serp).toContainText('摘要 8/160');
  await expect(serp).toContainText('无封面，小卡片');
  await page.getByLabel('摘要').fill('很长的摘要'.repeat(20));
  await expect(serp).toContainText('摘要 200/160（超出部分会被截断）');
});

test('on a wide screen the preview sits beside the editor and scrolls with it', async ({ page }) => {
  await page.goto('/admin/posts/new');
  const body = page.getByLabel('正文', { exact: true });
  await body.fill(Array.from({ length: 150 }, (_, i) => `## 第 ${i} 节\n\n正文第 ${i} 段。`).join('\n\n'));
  const preview = page.getByRole('region', { name: '预览', exact: true });
  await expect(preview.getByRole('heading', { name: '第 149 节' })).toBeAttached();
  const [editorBox, previewBox] = [await page.locator('.cm-editor').boundingBox(), await preview.boundingBox()];
  expect(previewBox!.x).toBeGreaterThan(editorBox!.x + editorBox!.width - 1);
  expect(Math.abs(previewBox!.y - editorBox!.y)).toBeLessThan(150);

  await page.locator('.cm-scroller').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect.poll(() => preview.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
});
