import { expect, test } from '@playwright/test';
import { parseXmlScript, readSitemaps, samples } from './fixtures';

test('the feed is RSS 2.0 with full content, absolute URLs and only published posts', async ({ page, request }) => {
  const response = await request.get('/feed.xml');
  expect(response.headers()['content-type']).toContain('application/rss+xml');
  const xml = await response.text();
  await page.goto('/');
  const links = await page.evaluate(parseXmlScript, [xml, 'item > link'] as [string, string]);
  expect(links).not.toBeNull();
  expect(links!.length).toBeGreaterThan(5);
  for (const link of links!) expect(link).toMatch(/^https?:\/\/[^/]+\/posts\//);
  expect(links!.some((l) => l.endsWith(`/posts/${samples.rag.slug}`))).toBe(true);
  for (const draft of samples.drafts) expect(links!.some((l) => l.endsWith(`/posts/${draft.slug}`))).toBe(false);
  const content = await page.evaluate(parseXmlScript, [xml, 'item encoded'] as [string, string]);
  expect(content!.some((html) => html.includes('<h2'))).toBe(true);
});

test('the sitemap index leads to every published post and term, and robots.txt points at it', async ({ page, request }) => {
  const { index, documents, urls } = await readSitemaps(request);
  await page.goto('/');
  expect(await page.evaluate(parseXmlScript, [index, 'sitemap > loc'] as [string, string])).toEqual(
    expect.arrayContaining([expect.stringMatching(/\/sitemaps\/pages\.xml$/), expect.stringMatching(/\/sitemaps\/posts-0\.xml$/)]),
  );
  for (const xml of documents.slice(1)) expect(await page.evaluate(parseXmlScript, [xml, 'url > loc'] as [string, string])).not.toBeNull();
  expect(urls!.some((u) => u.endsWith(`/posts/${samples.rag.slug}`))).toBe(true);
  expect(urls!.some((u) => u.includes('/tags/'))).toBe(true);
  for (const draft of samples.drafts) expect(urls!.some((u) => u.endsWith(`/posts/${draft.slug}`))).toBe(false);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/);
  expect(robots).toContain('Disallow: /admin');
});

test('pages are sent with basic security headers', async ({ request }) => {
  const headers = (await request.get('/')).headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-powered-by']).toBeUndefined();
});
