import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readSitemaps, samples } from './fixtures';
import { runCli } from './users';

const FEEDS = ['/feed.xml', '/sitemap.xml', '/robots.txt'];
const OTHERS = ['/search?q=RAG', '/posts/no-such-post', '/no/such/page'];
const METHODS = ['POST', 'PUT', 'DELETE', 'PATCH'] as const;

async function answers(request: APIRequestContext, urls: string[]) {
  const out = [];
  for (const url of urls) {
    const res = await request.get(url);
    out.push({ url, status: res.status(), body: await res.text() });
  }
  return out;
}

test('any method but GET and HEAD on a public URL answers 405 and changes nothing readers get', async ({ request }) => {
  test.setTimeout(120_000);
  // After an edit, as in the bug this guards against: Next then renders the feed again on its next request.
  const dir = await mkdtemp(path.join(tmpdir(), 'e2e-methods-'));
  await writeFile(path.join(dir, 'methods.md'), `---\ntitle: "方法测试"\ndate: 2019-02-03 08:00:00 +08:00\nslug: e2e-methods\nartid: "991100001"\ntags: ['方法测试']\n---\n正文。\n`);
  expect((await runCli('import', [dir])).output).toMatch(/Imported 1|unchanged 1/);

  const { urls } = await readSitemaps(request);
  const paths = [...new Set([...FEEDS, ...OTHERS, ...urls.map((u) => new URL(u).pathname), `/posts/${samples.rag.slug}`])];
  for (const url of paths) {
    for (const method of METHODS) {
      // A cross-site form post, the way any web page can send one.
      const res = await request.fetch(url, { method, form: { a: '1' }, headers: { origin: 'https://elsewhere.example', 'next-action': 'x' }, maxRedirects: 0 });
      expect(res.status(), `${method} ${url}`).toBe(405);
      expect(res.headers()['allow']).toBe('GET, HEAD');
    }
  }
  // URL by URL, so that another spec's edit of some post in between cannot pass for a change made by a POST.
  const before = [];
  for (const url of paths) {
    const [first] = await answers(request, [url]);
    for (const method of METHODS) await request.fetch(url, { method, maxRedirects: 0 });
    expect(await answers(request, [url]), url).toEqual([first]);
    before.push(first!);
  }
  expect(before.find((a) => a.url === '/feed.xml')?.status).toBe(200);
  expect(before.find((a) => a.url === '/sitemap.xml')?.status).toBe(200);
});

test('HEAD gets the GET’s headers without a body, and a matching ETag gets 304', async ({ request }) => {
  const url = `/posts/${samples.rag.slug}`;
  const get = await request.get(url, { headers: { 'accept-encoding': 'gzip' } });
  const head = await request.head(url, { headers: { 'accept-encoding': 'gzip' } });
  expect(head.status()).toBe(200);
  expect(head.headers()['etag']).toBe(get.headers()['etag']);
  expect(head.headers()['content-type']).toBe(get.headers()['content-type']);
  expect(await head.body()).toHaveLength(0);
  const again = await request.get(url, { headers: { 'accept-encoding': 'gzip', 'if-none-match': get.headers()['etag']! } });
  expect(again.status()).toBe(304);
  expect(get.headers()['vary']).toBe('Accept-Encoding');
  const refused = await request.get(url, { headers: { 'accept-encoding': 'br;q=0, gzip' } });
  expect(refused.headers()['content-encoding']).toBe('gzip');
});
