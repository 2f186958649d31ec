import { describe, expect, it } from 'vitest';
import { createTagState, now } from '../tag-state.cjs';
import { createIncrementalHandler } from './create-incremental-handler.cjs';
import { createUseCacheHandler } from './create-use-cache-handler.cjs';

const entry = (tags: string[], body = 'cached', timestamp = now()) => ({
  value: new Response(body).body!,
  tags,
  stale: 300,
  timestamp,
  expire: 31_536_000,
  revalidate: 2_592_000,
});

async function read(handler: ReturnType<typeof createUseCacheHandler>, key: string): Promise<string | null> {
  const hit = await handler.get(key, []);
  return hit ? new Response(hit.value).text() : null;
}

describe("the 'use cache' handler", () => {
  it('serves what it stored to every reader, until a tag it carries expires', async () => {
    const state = createTagState();
    const handler = createUseCacheHandler(state);
    await handler.set('a', Promise.resolve(entry(['site', 'post:a'])));
    await handler.set('b', Promise.resolve(entry(['site', 'post:b'])));
    expect(await read(handler, 'a')).toBe('cached');
    expect(await read(handler, 'a')).toBe('cached');

    state.expire(['post:a']);
    expect(await read(handler, 'a')).toBeNull();
    expect(await read(handler, 'b')).toBe('cached');

    // Made after the expiry: fresh. Made before it but stored after (a slow render): not.
    await handler.set('a', Promise.resolve(entry(['site', 'post:a'])));
    expect(await read(handler, 'a')).toBe('cached');
    const startedAt = now();
    state.expire(['post:b']);
    await handler.set('b', Promise.resolve(entry(['site', 'post:b'], 'slow', startedAt)));
    expect(await read(handler, 'b')).toBeNull();

    state.expire(['site']);
    expect(await read(handler, 'a')).toBeNull();
  });

  it('matches a tag outside ASCII however it was spelled: Next percent-encodes the tags it hands over', async () => {
    const state = createTagState();
    const handler = createUseCacheHandler(state);
    await handler.set('tag page', Promise.resolve(entry(['site', `tag:${encodeURIComponent('端到端专用')}`])));
    expect(await read(handler, 'tag page')).toBe('cached');
    state.expire(['tag:端到端专用']);
    expect(await read(handler, 'tag page')).toBeNull();
    expect(await handler.getExpiration([`tag:${encodeURIComponent('端到端专用')}`])).toBe(state.expiration(['tag:端到端专用']));
  });

  it('keeps entries within its byte bound, the least recently used going first', async () => {
    const handler = createUseCacheHandler(createTagState(), { maxBytes: 2_000 });
    for (const key of ['one', 'two', 'three']) {
      await handler.set(key, Promise.resolve(entry(['site'], 'x'.repeat(600))));
      if (key === 'two') await read(handler, 'one');
    }
    expect(await read(handler, 'two')).toBeNull();
    expect(await read(handler, 'one')).not.toBeNull();
    expect(await read(handler, 'three')).not.toBeNull();
  });

  it('keeps nothing of a value whose stream broke, and a get meanwhile waits for the set', async () => {
    const handler = createUseCacheHandler(createTagState(), { log: () => {} });
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('half a pa'));
        controller.error(new Error('render failed'));
      },
    });
    await handler.set('broken', Promise.resolve({ ...entry(['site']), value: broken }));
    expect(await read(handler, 'broken')).toBeNull();

    let finish!: (value: ReturnType<typeof entry>) => void;
    const setting = handler.set('slow', new Promise((resolve) => (finish = resolve)));
    const reading = read(handler, 'slow');
    finish(entry(['site'], 'late'));
    await setting;
    expect(await reading).toBe('late');
  });
});

describe('the route cache handler', () => {
  const page = (tags: string, status = 200) => ({ kind: 'APP_PAGE', html: '<p>page</p>', status, headers: { 'x-next-cache-tags': tags } });

  it('drops a page once a tag in its x-next-cache-tags expires, and `site` drops every page', async () => {
    const state = createTagState();
    const cache = new (createIncrementalHandler(state))();
    await cache.get('/posts/a');
    await cache.set('/posts/a', page('site,post:a,_N_T_/layout'));
    await cache.set('/about', page('_N_T_/layout'));
    expect((await cache.get('/posts/a'))?.value).toMatchObject({ html: '<p>page</p>' });

    state.expire(['post:b']);
    expect(await cache.get('/posts/a')).not.toBeNull();
    state.expire(['post:a']);
    expect(await cache.get('/posts/a')).toBeNull();
    expect(await cache.get('/about')).not.toBeNull();
    state.expire(['site']);
    expect(await cache.get('/about')).toBeNull();
  });

  it('does not keep as fresh a page whose render began before an expiry', async () => {
    const state = createTagState();
    const cache = new (createIncrementalHandler(state))();
    expect(await cache.get('/posts/a')).toBeNull();
    // The render reads the post; then the post is trashed on another instance; then the render is stored.
    state.expire(['post:a']);
    await cache.set('/posts/a', page('site,post:a'));
    expect(await cache.get('/posts/a')).toBeNull();
    await cache.set('/posts/a', page('site,post:a'));
    expect(await cache.get('/posts/a')).not.toBeNull();
  });

  it('never keeps an answer about the request, such as a 405', async () => {
    const cache = new (createIncrementalHandler(createTagState()))();
    await cache.set('/feed.xml', { kind: 'APP_ROUTE', status: 405, body: Buffer.from(''), headers: {} });
    expect(await cache.get('/feed.xml')).toBeNull();
    await cache.set('/posts/gone', page('site,post:gone', 404));
    expect(await cache.get('/posts/gone')).not.toBeNull();
  });

  it('counts a Chinese page at the two bytes a character costs it in memory', async () => {
    // Room for one page of 1,000 Chinese characters (2,000 bytes and change), not for two.
    const cache = new (createIncrementalHandler(createTagState(), { maxBytes: 3_000 }))();
    const chinese = (tags: string) => ({ ...page(tags), html: '文'.repeat(1_000) });
    await cache.set('/posts/a', chinese('post:a'));
    await cache.set('/posts/b', chinese('post:b'));
    expect(await cache.get('/posts/a')).toBeNull();
    expect(await cache.get('/posts/b')).not.toBeNull();
  });
});
