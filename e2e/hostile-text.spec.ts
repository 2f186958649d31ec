import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import YAML from 'yaml';
import { runCli } from './users';

// Text that looks like React's streaming instructions, Next's error document or a
// nonced script. Readers must see it exactly as written, on pages that carry no
// script and are cached like any other: what an article says never decides how it is served.
const HOSTILE = [
  '<script nonce="x">alert(1)</script>',
  'nonce="abc123"',
  '$RC("B:0","S:0")',
  '$RS("S:1","P:1")',
  '$RX("B:2")',
  '<template id="B:0"></template>',
  '<!--$?-->',
  '<div hidden id="S:0">',
  '<html id="__next_error__">',
];
const LINE = HOSTILE.join(' ');
const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const TITLES = {
  md: `Markdown ${HOSTILE.slice(0, 5).join(' ')}`,
  mdx: `MDX ${HOSTILE.slice(5).join(' ')}`,
  html: `HTML ${HOSTILE.slice(2, 7).join(' ')}`,
};
const TAGS = ['<script nonce="x">', '$RC(', '<!--$?-->', '<div hidden id="S:0">'];

const frontMatter = (format: keyof typeof TITLES, minute: number) =>
  YAML.stringify({
    title: TITLES[format],
    date: `2019-03-04 08:0${minute}:00 +08:00`,
    slug: `hostile-${format}`,
    artid: `99100000${minute}`,
    description: LINE,
    categories: ['敌意文本'],
    tags: TAGS,
  });

const BODIES = {
  md: `Prose: ${HOSTILE.filter((h) => !h.startsWith('<')).join(' ')}\n\nInline: \`${LINE}\`\n\n\`\`\`html\n${HOSTILE.join('\n')}\n\`\`\`\n`,
  mdx: `Prose: ${HOSTILE.filter((h) => !h.startsWith('<')).join(' ')}\n\n\`\`\`html\n${HOSTILE.join('\n')}\n\`\`\`\n`,
  html: `<p>Prose: ${escapeHtml(LINE)}</p>\n<pre><code>${HOSTILE.map(escapeHtml).join('\n')}</code></pre>\n`,
};
const FILES = { md: 'hostile.md', mdx: 'hostile.mdx', html: 'hostile.html' };

/** Twice, with no revalidation in between: the second answer comes from the response cache. */
async function expectCached(request: APIRequestContext, url: string) {
  await expect(async () => {
    const first = await request.get(url);
    const second = await request.get(url);
    expect(first.status(), url).toBe(200);
    expect(second.status(), url).toBe(200);
    expect(second.headers()['x-cache'], url).toBe('HIT');
    expect(await second.text()).toBe(await first.text());
  }).toPass({ timeout: 15_000 });
}

/** The page as a browser builds it: no executable script element, and the text as written. */
async function expectScriptFree(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'none'");
  expect(await page.locator('script:not([type="application/ld+json"])').count(), url).toBe(0);
  expect(await page.locator('[nonce]').count(), url).toBe(0);
  expect(await page.locator('template, [id^="S:"], #__next_error__').count(), url).toBe(0);
}

test.describe.configure({ mode: 'serial' });

test('hostile text in bodies, titles and tags imports', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'e2e-hostile-'));
  let minute = 0;
  for (const format of ['md', 'mdx', 'html'] as const) {
    await writeFile(path.join(dir, FILES[format]), `---\n${frontMatter(format, minute++)}---\n${BODIES[format]}`);
  }
  const { code, output } = await runCli('import', [dir]);
  // Unchanged when a reused test server already has them.
  expect(output).toMatch(/Imported 3|unchanged 3/);
  expect(code).toBe(0);
});

for (const format of ['md', 'mdx', 'html'] as const) {
  test(`a ${format} article shows its hostile text as written, with no script, and is cached`, async ({ page, request }) => {
    const url = `/posts/hostile-${format}`;
    await expectScriptFree(page, url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLES[format]);
    const prose = page.locator('.prose');
    if (format === 'html') await expect(prose.locator('p').first()).toHaveText(`Prose: ${LINE}`);
    else await expect(prose.locator('p').first()).toHaveText(`Prose: ${HOSTILE.filter((h) => !h.startsWith('<')).join(' ')}`);
    if (format === 'md') await expect(prose.locator('p code').first()).toHaveText(LINE);
    expect((await prose.locator('pre').first().innerText()).trim()).toBe(HOSTILE.join('\n'));
    for (const tag of TAGS) await expect(page.getByRole('link', { name: `#${tag}`, exact: true }).first()).toBeVisible();
    await expectCached(request, url);
  });
}

test('lists and tag pages show hostile titles and tag names as written, and are cached', async ({ page, request }) => {
  test.setTimeout(90_000);
  await expectScriptFree(page, '/archive/2019/03');
  for (const title of Object.values(TITLES)) await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
  await expectCached(request, '/archive/2019/03');
  for (const tag of TAGS) {
    await page.goto('/posts/hostile-md');
    await page.getByRole('link', { name: `#${tag}`, exact: true }).first().click();
    const url = new URL(page.url()).pathname;
    await expectScriptFree(page, url);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(tag);
    await expect(page.getByRole('link', { name: TITLES.html, exact: true })).toBeVisible();
    await expectCached(request, url);
  }
});

test('a search for hostile text shows the query as written, and is cached', async ({ page, request }) => {
  test.setTimeout(90_000);
  for (const query of [...HOSTILE, LINE]) {
    const url = `/search?q=${encodeURIComponent(query)}`;
    await expectScriptFree(page, url);
    await expect(page.getByRole('searchbox', { name: '搜索文章' })).toHaveValue(query);
    await expect(page.getByRole('heading', { level: 2 })).toContainText(`「${query}」`);
    await expectCached(request, url);
  }
});
