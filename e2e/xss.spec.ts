import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import YAML from 'yaml';
import { excerptOf } from '../lib/render/excerpt';
import { buildRssFeed } from '../lib/feed';
import { siteUrl } from '../lib/site';
import { parseXmlScript, readSitemaps } from './fixtures';
import { ADMIN_STATE, runCli } from './users';
import {
  chunks,
  corpus,
  fileText,
  firstVersion,
  fitting,
  refused,
  TAG,
  WORD,
  type CorpusPost,
} from './xss/corpus';
import { nextPage, report, sweep } from './xss/detect';
import { MDX_FOOTNOTE_HOLE, vectors } from '../test/xss/vectors';

// Every vector goes through every body format and every front-matter field that
// reaches a page, then every page those posts appear on is opened in Chromium with
// the sinks instrumented. A failure lists the vectors that fired and where. The
// first test imports the corpus; each later one reports on its own even when
// another fails, so a broken sanitiser shows everywhere at once.

// A generous bound for one page in a browser on a loaded two-core machine.
const PER_PAGE_MS = 2_500;
const baseURL = () => test.info().project.use.baseURL;
const adminContext = (browser: Browser) =>
  browser.newContext({ storageState: ADMIN_STATE, baseURL: baseURL() });
const oneLine = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const isPlatform = (post: CorpusPost) => post.slug.startsWith('xss-platform');
/** The payload lines of a body that a revision diff must show as written (platform chrome is stripped on import, by design). */
const payloadLines = (post: CorpusPost) =>
  isPlatform(post)
    ? []
    : post.numbers
        .map((n) => vectors[n - 1]!)
        .filter((v) => !v.includes('\n') && post.body.split('\n').includes(v));

let ids: Map<string, number> | undefined;
/** The admin ids of the corpus posts, from the post list filtered by the corpus tag. */
async function postIds(browser: Browser): Promise<Map<string, number>> {
  if (ids) return ids;
  const found = new Map<string, number>();
  const context = await adminContext(browser);
  const page = await context.newPage();
  for (
    let url: string | undefined = `/admin?tag=${encodeURIComponent(TAG)}`;
    url;
    url = (await nextPage(page))[0]
  ) {
    await page.goto(url);
    for (const link of await page.locator('.admin-table a[href^="/admin/posts/"]').all()) {
      const title = oneLine(await link.textContent());
      const post = corpus.find((p) => oneLine(String(p.frontMatter.title)) === title);
      if (post) found.set(post.slug, Number((await link.getAttribute('href'))!.split('/').pop()));
    }
  }
  await context.close();
  expect(
    corpus.filter((p) => !found.has(p.slug)).map((p) => p.slug),
    'corpus posts in the admin',
  ).toEqual([]);
  return (ids = found);
}

test('the corpus imports, and what cannot be stored safely is refused with its reason', async ({
  browser,
  request,
}) => {
  test.setTimeout(60_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'e2e-xss-'));
  await Promise.all(['first', 'corpus', 'refused'].map((d) => mkdir(path.join(dir, d))));
  for (const post of corpus) {
    await writeFile(path.join(dir, 'first', post.file), firstVersion(post));
    await writeFile(path.join(dir, 'corpus', post.file), fileText(post.frontMatter, post.body));
  }
  for (const r of refused) await writeFile(path.join(dir, 'refused', r.file), r.text);

  const first = await runCli('import', [path.join(dir, 'first')]);
  expect(first.code, first.output).toBe(0);
  const imported = await runCli('import', [path.join(dir, 'corpus')]);
  expect(imported.code, imported.output).toBe(0);

  const rejected = await runCli('import', [path.join(dir, 'refused')]);
  expect(rejected.code).toBe(1);
  expect(rejected.output).toContain(
    `Imported 0, updated 0, unchanged 0, conflicts 0, failed ${refused.length}.`,
  );
  for (const r of refused) {
    const line = rejected.output
      .split('\n')
      .find((l) => l.startsWith('✗ ') && l.includes(`${r.file}: `));
    expect(line, `${r.file} is reported as failed`).toBeDefined();
    expect(line!.slice(line!.indexOf(`${r.file}: `) + r.file.length + 2), r.file).toMatch(r.reason);
  }
  expect((await request.get(`/posts/${refused[0]!.slug}`)).status()).toBe(404);

  const context = await adminContext(browser);
  const page = await context.newPage();
  await page.goto('/admin?q=xss-refused');
  await expect(page.getByText('共 0 篇')).toBeVisible();
  await context.close();
  await postIds(browser);
});

test('no vector runs on any public page the corpus appears on', async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ baseURL: baseURL() });
  // The last windows of the home page hold the oldest posts: the corpus. Follow the older links there.
  const windows: string[] = [];
  for (let url: string | undefined = '/'; url; ) {
    const html = await (await context.request.get(url)).text();
    url = /href="(\/before\/\d+)"/.exec(html)?.[1];
    if (url) windows.push(url);
  }
  const archive = await (await context.request.get('/archive')).text();
  const months = [...archive.matchAll(/href="(\/archive\/\d{4}\/\d{2})"/g)].map((m) => m[1]!);

  const urls = [
    ...corpus.map((p) => `/posts/${p.slug}`),
    ...[
      `/tags/${encodeURIComponent(TAG)}`,
      `/categories/${encodeURIComponent(TAG)}`,
      `/search?q=${WORD}`,
      '/tags',
      '/archive',
    ],
    ...windows.slice(-3),
    ...months,
    // Reflected: the search page echoes its query.
    ...chunks(
      vectors.filter((_, i) => i % 12 === 0),
      5,
    ).map((group) => `/search?q=${encodeURIComponent(fitting(group, 200).join(' '))}`),
  ];
  // Each page is loaded in a real browser: the time allowed grows with the pages swept.
  test.setTimeout(60_000 + urls.length * PER_PAGE_MS);
  const findings = await sweep(context, urls, async (page) => {
    if (!page.url().includes('/posts/')) return nextPage(page);
    // The pages of the front-matter posts' hostile tags and categories.
    const terms = page.locator('.article-header .term-links a');
    return Promise.all((await terms.all()).map(async (a) => (await a.getAttribute('href'))!));
  });
  await context.close();
  expect(report(findings), 'vectors that fired or left runnable markup on public pages').toEqual(
    [],
  );
});

test('no vector runs in the admin: post list, editor and its live preview, history, tags', async ({
  browser,
}) => {
  const context = await adminContext(browser);
  const byId = new Map(
    [...(await postIds(browser))].map(([slug, id]) => [id, corpus.find((p) => p.slug === slug)!]),
  );
  const missing: string[] = [];
  const urls = [
    `/admin?tag=${encodeURIComponent(TAG)}`,
    '/admin/tags',
    `/admin?q=${encodeURIComponent(vectors[0]!)}&tag=${encodeURIComponent(vectors[15]!)}`,
    ...[...byId.keys()].flatMap((id) => [`/admin/posts/${id}`, `/admin/posts/${id}/history`]),
  ];
  test.setTimeout(60_000 + urls.length * PER_PAGE_MS);
  const findings = await sweep(context, urls, async (page) => {
    const [, id, history] =
      /^\/admin\/posts\/(\d+)(\/history)?$/.exec(new URL(page.url()).pathname) ?? [];
    if (!id) return nextPage(page);
    const post = byId.get(Number(id))!;
    if (!history) {
      // The preview renders the body through the same pipeline, after a pause in typing.
      const preview = page.getByRole('region', { name: '预览' });
      await expect(preview.locator('.prose').or(preview.getByRole('alert'))).toContainText(WORD, {
        timeout: 15_000,
      });
      // Fields the model does not know are shown, as YAML, in their own box.
      if ('xss_extra' in post.frontMatter) {
        await expect(page.getByLabel('其他字段（YAML）')).toHaveValue(/xss_extra:/);
      }
      return;
    }
    // The original text is kept: the newest revision, against the plain first one, shows every payload as written.
    await expect(page.getByRole('heading', { name: /^对比版本/ })).toBeVisible();
    const shown = (await page.locator('main').textContent()) ?? '';
    const expected = [
      String(post.frontMatter.title),
      String(post.frontMatter.description),
      ...payloadLines(post),
    ];
    for (const text of expected) if (!shown.includes(text)) missing.push(`${post.slug}: ${text}`);
  });
  await context.close();
  expect(report(findings), 'vectors that fired or left runnable markup in the admin').toEqual([]);
  expect(missing, 'payloads missing from the revision history').toEqual([]);
});

test('the feed and sitemap stay well-formed XML with the corpus in them', async ({
  browser,
  page,
  request,
}) => {
  test.setTimeout(60_000);
  await page.goto('/robots.txt');
  const sitemaps = await readSitemaps(request);
  for (const xml of sitemaps.documents) {
    expect(await page.evaluate(parseXmlScript, [xml, 'loc'] as [string, string]), 'the sitemap parses').not.toBeNull();
  }
  const locs = sitemaps.urls;
  for (const post of corpus)
    expect(
      locs!.some((l) => l.endsWith(`/posts/${post.slug}`)),
      post.slug,
    ).toBe(true);
  expect(
    await page.evaluate(parseXmlScript, [await (await request.get('/feed.xml')).text(), 'item'] as [
      string,
      string,
    ]),
  ).not.toBeNull();

  // The live feed holds only the 20 newest posts and the corpus stays off them: build one from the corpus with the feed's own code.
  const html = async (slug: string) => {
    const article = await (await request.get(`/posts/${slug}`)).text();
    return page.evaluate(
      (text) =>
        new DOMParser().parseFromString(text, 'text/html').querySelector('.prose')?.innerHTML ?? '',
      article,
    );
  };
  const posts = [];
  for (const post of corpus)
    posts.push({
      slug: post.slug,
      title: String(post.frontMatter.title),
      description: String(post.frontMatter.description),
      html: await html(post.slug),
      publishedAt: new Date(String(post.frontMatter.date)),
      updatedAt: new Date(),
      tags: (post.frontMatter.tags as string[]).map((name) => ({ tag: { name } })),
      categories: (post.frontMatter.categories as string[]).map((name) => ({ category: { name } })),
    });
  expect(
    posts.filter((p) => !p.html).map((p) => p.slug),
    'article HTML',
  ).toEqual([]);
  const xml = buildRssFeed(posts);
  // What the feed promises: control characters dropped, root-relative URLs made absolute, nothing else changed.
  const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
  const absolute = (html: string) =>
    html.replace(/\s(href|src)="\/(?!\/)/g, ` $1="${siteUrl().origin}/`);
  for (const [selector, expected] of [
    ['item > title', posts.map((p) => p.title)],
    ['item > description', posts.map((p) => excerptOf(p.description)!)],
    [
      'item > category',
      posts.flatMap((p) => [
        ...p.categories.map((c) => c.category.name),
        ...p.tags.map((t) => t.tag.name),
      ]),
    ],
    ['item > encoded', posts.map((p) => absolute(p.html))],
  ] as const) {
    const texts = await page.evaluate(parseXmlScript, [xml, selector] as [string, string]);
    expect(texts, selector).toEqual(expected.map(xmlSafe));
  }

  // What a feed reader shows: each item's HTML as a page of its own.
  const items = (await page.evaluate(parseXmlScript, [xml, 'item > encoded'] as [string, string]))!;
  const context = await browser.newContext({ baseURL: baseURL() });
  await context.route(/\/__xss-feed-item\/\d+$/, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><div class="prose">${items[Number(route.request().url().split('/').pop())]}</div>`,
    }),
  );
  const findings = await sweep(
    context,
    items.map((_, i) => `/__xss-feed-item/${i}`),
  );
  await context.close();
  expect(report(findings), 'vectors that fired in feed item HTML').toEqual([]);
});

test('the export gives every post back as written, payloads and all', async ({ browser }) => {
  const ids = await postIds(browser);
  const context = await adminContext(browser);
  for (const post of corpus) {
    const response = await context.request.get(`/admin/export?id=${ids.get(post.slug)}`);
    expect(response.status()).toBe(200);
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(await response.text())!;
    if (!isPlatform(post)) expect(body!.trimEnd(), `${post.slug}: body`).toBe(post.body.trimEnd());
    const exported = YAML.parse(yaml!) as Record<string, unknown>;
    const { date: _date, keywords, tags, categories, ...fields } = post.frontMatter;
    const terms = (names: unknown) =>
      (names as string[]).map((n) => n.normalize('NFKC').trim().replace(/\s+/g, ' '));
    expect(terms(exported.tags), `${post.slug}: tags`).toEqual(terms(tags));
    expect(terms(exported.categories), `${post.slug}: categories`).toEqual(terms(categories));
    if (keywords)
      expect(exported.keywords, `${post.slug}: keywords`).toBe((keywords as string[]).join(','));
    for (const [key, value] of Object.entries(fields))
      expect(exported[key], `${post.slug}: ${key}`).toEqual(value);
  }
  await context.close();
});

// Found by this corpus and fixed: a check that parsed without GFM read `[^1]: <Callout title={…} />`
// as a link definition, while the compiler (remark-gfm) read a footnote holding JSX and ran the
// {expression} in the server process. The check now also runs inside the compiler.
test('an MDX footnote cannot hide an {expression}: it is refused, never run on the server', async ({
  browser,
  request,
}) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'e2e-xss-hole-'));
  const file = path.join(dir, 'xss-mdx-footnote.mdx');
  const fm = {
    title: 'XSS 语料 MDX 脚注',
    date: '2001-01-01 00:00:00 +00:00',
    slug: 'xss-mdx-footnote',
    description: WORD,
  };
  await writeFile(file, fileText(fm, vectors[MDX_FOOTNOTE_HOLE - 1]!));
  // Its own CLI run: the payload changes the importing process for one sanitiser call.
  const result = await runCli('import', [file]);
  expect
    .soft(result.output, 'the importer should refuse an {expression} inside a footnote')
    .toMatch(/✗ .*xss-mdx-footnote\.mdx: .*表达式/);
  const response = await request.get('/posts/xss-mdx-footnote');
  if (!response.ok()) return;

  // Public pages leave out end tags the parser implies (lib/server/public-html.ts): read the title's text only.
  const callout = /<p class="callout-title">([^<]*)/.exec(await response.text())?.[1];
  expect.soft(callout, 'the {expression} ran on the server: 6 * 7 was computed').not.toBe('42');
  const context = await browser.newContext({ baseURL: baseURL() });
  const findings = await sweep(context, ['/posts/xss-mdx-footnote']);
  await context.close();
  expect(report(findings), `vector ${MDX_FOOTNOTE_HOLE} must not run`).toEqual([]);
});
