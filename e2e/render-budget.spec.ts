import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { actionIdOf, encodeReply } from '../bench/editor';
import { EDITOR_STATE } from './users';

test.use({ storageState: EDITOR_STATE });

// The attack's bodies (issue 11): each froze the whole server for 26–118 s through the preview.
const ATTACKS: [name: string, body: string, message: RegExp][] = [
  ['10,000 nested list markers', `${'- '.repeat(10_000)}x`, /列表或引用嵌套过深/],
  ['50,000 emphasis marks', '*a'.repeat(50_000), /强调符号（\* _ ~）过多/],
  ['100,000 quote markers', '>'.repeat(100_000), /列表或引用嵌套过深/],
  ['50,000 brackets', `${'['.repeat(50_000)}x${']'.repeat(50_000)}`, /方括号嵌套过深/],
  ['a 5,000-column table', `|${'a|'.repeat(5_000)}\n|${'-|'.repeat(5_000)}`, /表格列数过多/],
];

// Passes the pre-checks (the emphasis marks sit after a fence inside an HTML block, where the
// line scan sees code) but is one paragraph of 50,000 marks to the parser: only the budget stops it.
const HIDDEN = `<div>\n\`\`\`\n\n${'*a'.repeat(50_000)}\n\`\`\`\n`;

const bodyField = (page: Page) => page.getByLabel('正文', { exact: true });
const previewAlert = (page: Page) => page.getByRole('region', { name: '预览' }).getByRole('alert');

/** The editor's previewAction, posted as its browser posts it (the editor's code box is slow on such text itself). */
async function preview(request: APIRequestContext, format: string, body: string): Promise<string> {
  const response = await request.post('/admin/posts/new', {
    headers: { 'next-action': await actionIdOf('previewAction'), accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin: test.info().project.use.baseURL! },
    data: (await encodeReply([format, body, ''])) as string,
    timeout: 120_000,
  });
  expect(response.status()).toBe(200);
  return response.text();
}

test('the preview names what is too complex in each attack body', async ({ page, request }) => {
  for (const [name, body, message] of ATTACKS) expect(await preview(request, 'markdown', body), name).toMatch(message);
  // And the editor shows it where the preview would be.
  await page.goto('/admin/posts/new');
  await bodyField(page).fill(ATTACKS[0]![1]);
  await expect(previewAlert(page)).toHaveText(ATTACKS[0]![2], { timeout: 30_000 });
});

test('readers are answered while an editor previews a body that runs out of its budget', async ({ request }) => {
  test.setTimeout(120_000);
  let answer: string | undefined;
  const previewing = preview(request, 'markdown', HIDDEN).then((text) => (answer = text));
  const waits: number[] = [];
  // Uncached pages too: a search always runs through Next and the database on the main thread.
  while (answer === undefined && waits.length < 1_000) {
    for (const path of ['/', `/search?q=${encodeURIComponent(`扩散${waits.length}`)}`]) {
      const started = Date.now();
      const response = await request.get(path, { timeout: 20_000 });
      expect(response.status(), path).toBe(200);
      waits.push(Date.now() - started);
    }
  }
  expect(await previewing).toMatch(/正文过于复杂，渲染超过 \d+ 秒/);
  expect(waits.length).toBeGreaterThan(10);
  expect(Math.max(...waits)).toBeLessThan(3_000);
});

test('a save with a body too complex is refused beside the body, and the post keeps its saved text', async ({ page }) => {
  test.setTimeout(90_000);
  const slug = `budget-${Date.now().toString(36)}`;
  await page.goto('/admin/posts/new');
  await page.getByLabel('标题').fill('渲染预算');
  await page.getByLabel('网址别名').fill(slug);
  await page.getByLabel('状态').selectOption('published');
  await page.getByLabel('发布时间').fill('2020-03-01T08:00:00');
  await bodyField(page).fill('保存过的正文。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/posts\/\d+\?created=1$/, { timeout: 30_000 });

  await bodyField(page).fill(ATTACKS[0]![1]);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('#field-body-error').filter({ hasText: '列表或引用嵌套过深' })).toBeVisible({ timeout: 30_000 });
  const published = await page.request.get(`/posts/${slug}`);
  expect(await published.text()).toContain('保存过的正文。');
});
