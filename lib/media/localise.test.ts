import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { createPost } from '@/lib/posts/mutations';
import { renderBody } from '@/lib/render/render';
import type { PostSnapshot } from '@/lib/validations/post';
import { connectTestDatabase } from '@/test/database';
import { localiseBody, remoteImageUrls } from './localise';
import { localisePostImages } from './localise-post';

let server: Server;
let origin = '';
let png: Buffer;

/** A picture host as the imported posts meet it: it refuses other sites' referers, is slow, redirects, or answers with a page. */
function host() {
  return createServer((req, res) => {
    const send = (status: number, type: string, body: Buffer | string) => res.writeHead(status, { 'content-type': type }).end(body);
    if (req.url === '/ok.png') return send(200, 'image/png', png);
    if (req.url === '/hotlink.png') return req.headers.referer ? send(403, 'text/plain', 'no hotlinking') : send(200, 'image/png', png);
    if (req.url === '/moved.png') return res.writeHead(302, { location: '/ok.png?via=redirect' }).end();
    if (req.url?.startsWith('/ok.png?')) return send(200, 'image/png', png);
    if (req.url === '/to-metadata.png') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (req.url === '/to-localhost.png') return res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/ok.png` }).end();
    if (req.url === '/page.png') return send(200, 'text/html; charset=utf-8', '<!doctype html><title>login</title>');
    if (req.url === '/slow.png') return setTimeout(() => send(200, 'image/png', png), 3000);
    send(404, 'text/plain', 'not found');
  });
}

const ALLOWED = 'IMAGE_FETCH_ALLOWED_ADDRESSES';

beforeAll(async () => {
  // The picture host of these tests listens on loopback: allowed here only.
  process.env[ALLOWED] = '127.0.0.1';
  await connectTestDatabase();
  png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#22aa66' } }).png().toBuffer();
  server = host();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env[ALLOWED];
  server.close();
  await disconnectDb();
});

describe('bringing remote images home', () => {
  it('finds Markdown and HTML images once each', () => {
    const body = `![a](https://x.example/a.png "t")\n<img alt="b" src="https://x.example/b.jpg">\n![again](https://x.example/a.png)\n![local](/media/x.png)`;
    expect(remoteImageUrls(body)).toEqual(['https://x.example/a.png', 'https://x.example/b.jpg']);
  });

  it('stores what it can fetch and leaves the rest, with a reason per image', async () => {
    const body = [
      `![ok](${origin}/ok.png)`,
      `![hotlink](${origin}/hotlink.png)`,
      `<img src="${origin}/moved.png" alt="moved">`,
      `![page](${origin}/page.png)`,
      `![slow](${origin}/slow.png)`,
      `![gone](${origin}/gone.png)`,
    ].join('\n\n');
    const { body: next, images } = await localiseBody(body, null, { timeoutMs: 1000 });
    const byName = Object.fromEntries(images.map((i) => [new URL(i.url).pathname, i]));
    expect(byName['/ok.png']!.localUrl).toMatch(/^\/media\/[0-9a-f]{32}\.png$/);
    expect(byName['/hotlink.png']!.localUrl, 'no Referer is sent').toBe(byName['/ok.png']!.localUrl);
    expect(byName['/moved.png']!.localUrl).toBe(byName['/ok.png']!.localUrl);
    expect(byName['/page.png']!.error).toMatch(/不是图片（text\/html）/);
    expect(byName['/slow.png']!.error).toMatch(/超时/);
    expect(byName['/gone.png']!.error).toMatch(/HTTP 404/);
    expect(next).not.toContain(`${origin}/ok.png`);
    expect(next).toContain(`![page](${origin}/page.png)`);
    expect(next).toContain(`![slow](${origin}/slow.png)`);
  });

  it('never reaches the server\'s own network: loopback, private and metadata addresses are refused, redirects included', async () => {
    const port = new URL(origin).port;
    const { images } = await localiseBody(
      [
        `![metadata](${origin}/to-metadata.png)`,
        `![mapped](http://[::ffff:127.0.0.2]:${port}/ok.png)`,
        `![private](http://10.1.2.3/a.png)`,
      ].join('\n\n'),
      null,
      { timeoutMs: 3000 },
    );
    expect(images.map((i) => i.error)).toEqual([
      '指向内部网络地址 169.254.169.254，不从那里下载',
      '指向内部网络地址 127.0.0.2，不从那里下载',
      '指向内部网络地址 10.1.2.3，不从那里下载',
    ]);
    delete process.env[ALLOWED];
    try {
      const { images: unallowed } = await localiseBody(
        `![ok](${origin}/ok.png)\n\n![by name](http://localhost:${port}/ok.png)\n\n![redirected](http://localhost:${port}/to-localhost.png)`,
        null,
        { timeoutMs: 1000 },
      );
      expect(unallowed.map((i) => i.error)).toEqual([
        '指向内部网络地址 127.0.0.1，不从那里下载',
        expect.stringMatching(/^指向内部网络地址 (127\.0\.0\.1|::1)，不从那里下载$/),
        expect.stringMatching(/^指向内部网络地址 (127\.0\.0\.1|::1)，不从那里下载$/),
      ]);
    } finally {
      process.env[ALLOWED] = '127.0.0.1';
    }
  });

  it('writes a revision whose note keeps the original URLs', async () => {
    const snapshot: PostSnapshot = {
      slug: 'remote-images', title: '远程图片', description: null, keywords: null, publishedAt: new Date('2024-01-01'), utcOffset: 480,
      status: 'published', format: 'markdown', body: `图：\n\n![图](${origin}/ok.png)\n\n![坏](${origin}/page.png)`, sourceId: null,
      sourceUrl: null, coverImage: null, coverAlt: null, featuredImage: null, featuredImagePreview: null, tags: [], categories: [], extra: {},
    };
    const { id: postId } = await db.$transaction(async (tx) => createPost(tx, snapshot, await renderBody('markdown', snapshot.body), { authorId: null }));
    const report = await localisePostImages(postId, null, { timeoutMs: 1000 });
    expect(report.version).toBe(2);
    const revision = await db.revision.findUniqueOrThrow({ where: { postId_number: { postId, number: 2 } } });
    expect(revision.message).toContain(`${origin}/ok.png → /media/`);
    expect(revision.body).toContain('](/media/');
    expect(revision.body).toContain(`${origin}/page.png`);
    expect(await localisePostImages(postId, null, { timeoutMs: 1000 })).not.toHaveProperty('version');
  });
});
