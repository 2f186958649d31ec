import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture } from './load';
import { startStaticLimit } from './static-limit';

const PAGE = gzipSync(Buffer.from('<!doctype html><title>文章</title><p>正文</p>'));
let app: http.Server;
let origin: string;

beforeAll(async () => {
  app = http.createServer((req, res) => {
    const gzip = /gzip/.test(req.headers['accept-encoding'] ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(gzip ? { 'content-encoding': 'gzip' } : {}), vary: 'Accept-Encoding' });
    res.end(gzip ? PAGE : 'plain');
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
afterAll(() => app.close());

describe('the static limit', () => {
  it('answers with the bytes and headers captured from the app, gzip included', async () => {
    const fromApp = await capture(origin, '/posts/%E6%96%87%E7%AB%A0');
    expect(fromApp.headers['content-encoding']).toBe('gzip');
    const limit = await startStaticLimit([fromApp], 0, '.data/bench-test');
    try {
      const fromLimit = await capture(limit.origin, '/posts/%E6%96%87%E7%AB%A0');
      expect(fromLimit.body.equals(fromApp.body)).toBe(true);
      expect(fromLimit.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(fromLimit.headers['content-encoding']).toBe('gzip');
      expect((await capture(limit.origin, '/elsewhere')).status).toBe(404);
    } finally {
      limit.stop();
    }
  });
});
