import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFrontHandler } from './front';
import { createPublicRenderer, responseCacheKey } from './public-responses';
import { createResponseCache } from './response-cache';
import { createUpstream } from './upstream';

/** Stands in for Next: each path answers the way Next does for one kind of page. */
const pages: Record<string, (res: ServerResponse) => void> = {
  '/fresh': (res) => html(res, 'HIT', '<p>新鲜</p><script>self.__next_f.push(1)</script>'),
  '/stale': (res) => html(res, 'STALE', '<p>旧的</p>'),
  // Rendered per request: Next marks these private, with no route-cache status.
  '/posts/some-article': (res) => dynamicHtml(res, '<p>文章</p>'),
  '/tags/some-tag?page=2': (res) => dynamicHtml(res, '<p>标签</p>'),
  // An article's path with a query string that drew something other than the page from Next.
  '/posts/other-article?_rsc=1': (res) => {
    res.setHeader('content-type', 'text/x-component');
    res.setHeader('cache-control', 'private, no-cache, no-store, max-age=0, must-revalidate');
    res.end('0:{"not":"the page"}');
  },
  '/posts/other-article': (res) => dynamicHtml(res, '<p>另一篇</p>'),
  '/streaming': (res) => html(res, 'HIT', '<main><!--$?--><template id="B:0"></template><p>…</p><!--/$--></main><div hidden id="S:0">x</div><script>$RC("B:0","S:0")</script>'),
};
let calls = 0;

function html(res: ServerResponse, cache: string, body: string) {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('x-nextjs-cache', cache);
  // Next writes in pieces, as a stream.
  res.write(`<!DOCTYPE html><html><head></head><body>`);
  res.end(`${body}</body></html>`);
}

function dynamicHtml(res: ServerResponse, body: string) {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'private, no-cache, no-store, max-age=0, must-revalidate');
  res.end(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`);
}

let next: Server;
let front: Server;
let origin: string;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  // Next's thread: the renderer around a stand-in for Next.
  const render = createPublicRenderer(async () => Buffer.from('not found'));
  next = createServer((req: IncomingMessage, res: ServerResponse) =>
    render(req, res, () => {
      calls++;
      pages[req.url ?? '']!(res);
    }),
  );
  const upstream = createUpstream({ host: '127.0.0.1', port: await listen(next) });
  // The web server's thread, as front-worker.ts sets it up.
  front = createServer(createFrontHandler({ upstream, cache: createResponseCache({ generation: () => 0 }), settled: async () => {} }));
  origin = `http://127.0.0.1:${await listen(front)}`;
});
afterAll(async () => {
  await new Promise((resolve) => front.close(resolve));
  await new Promise((resolve) => next.close(resolve));
});

const get = (path: string, init?: RequestInit) => fetch(origin + path, init);

describe('public responses', () => {
  it('keeps a page Next served from its cache, without its scripts, and answers the next reader from memory', async () => {
    const first = await get('/fresh');
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(await first.text()).not.toContain('<script');
    const before = calls;
    const second = await get('/fresh');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(calls).toBe(before);
    expect(second.headers.get('content-security-policy')).toContain("script-src 'none'");
  });

  it('keeps an article Next rendered for this request, which is the same for every reader', async () => {
    expect((await get('/posts/some-article')).headers.get('x-cache')).toBe('MISS');
    const before = calls;
    const again = await get('/posts/some-article');
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(await again.text()).toContain('文章');
    expect(calls).toBe(before);
  });

  it('answers an article asked for with any query string or percent-encoding from the one kept page', async () => {
    await get('/posts/some-article');
    const before = calls;
    for (const variant of ['/posts/some-article?utm_source=feed', '/posts/some-article?x=1&y=2', '/posts/%73ome-%61rticle']) {
      expect((await get(variant)).headers.get('x-cache')).toBe('HIT');
    }
    expect(calls).toBe(before);
  });

  it('keeps nothing but the page under an article\'s path, whatever a query string drew from Next', async () => {
    expect((await get('/posts/other-article?_rsc=1')).headers.get('x-cache')).toBe('BYPASS');
    const page = await get('/posts/other-article');
    expect(page.headers.get('x-cache')).toBe('MISS');
    expect(await page.text()).toContain('另一篇');
  });

  it('keys a search by its query, and every other page by its path alone', () => {
    expect(responseCacheKey('/search?q=%E6%8C%87%E5%8D%97')).toBe('/search?q=%E6%8C%87%E5%8D%97');
    expect(responseCacheKey('/search?q=a')).not.toBe(responseCacheKey('/search?q=b'));
    expect(responseCacheKey('/tags/%e6%8c%87?page=2')).toBe('/tags/%E6%8C%87');
    expect(responseCacheKey('/posts/a%2Fb')).not.toBe(responseCacheKey('/posts/a/b'));
    expect(responseCacheKey('/posts/%E0%A4%A')).toBe('/posts/%E0%A4%A');
  });

  it('never keeps another page Next marked private', async () => {
    await get('/tags/some-tag?page=2');
    expect((await get('/tags/some-tag?page=2')).headers.get('x-cache')).toBe('BYPASS');
  });

  it('never keeps a page Next answered STALE', async () => {
    await get('/stale');
    const again = await get('/stale');
    expect(again.headers.get('x-cache')).toBe('BYPASS');
    expect(await again.text()).toContain('旧的');
  });

  it('answers 500, and says why in the log, when a page reaches it still streaming', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await get('/streaming');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('$RC');
    expect(log.mock.calls.flat().join(' ')).toContain('/streaming reached the web server incomplete');
    log.mockRestore();
  });

  it('answers HEAD with the GET’s headers and no body, and If-None-Match with 304', async () => {
    const got = await get('/fresh', { headers: { 'accept-encoding': 'br' } });
    const head = await get('/fresh', { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(got.headers.get('etag'));
    expect(await head.text()).toBe('');
    const cached = await get('/fresh', { headers: { 'if-none-match': got.headers.get('etag')!, 'accept-encoding': 'br' } });
    expect(cached.status).toBe(304);
  });
});
