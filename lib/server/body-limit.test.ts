import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDINARY_BODY_BYTES } from './body-limit';
import { createFrontHandler } from './front';
import { createResponseCache } from './response-cache';
import { createUpstream } from './upstream';

let server: Server;
let next: Server;
let port: number;
const reachedNext: string[] = [];
const nextBytes = new Map<string, number>();

beforeAll(async () => {
  // A stand-in for Next's handler: records what got through to it.
  next = createServer((req, res) => {
    reachedNext.push(req.url ?? '');
    let bytes = 0;
    req.on('data', (chunk: Buffer) => void (bytes += chunk.length));
    // The import answers as its upload starts (the test sends only part of it); elsewhere Next reads the whole body first.
    if (req.url === '/admin/import') res.end('next');
    req.on('end', () => void (nextBytes.set(req.url ?? '', bytes), res.end('next')));
    req.on('error', () => nextBytes.set(req.url ?? '', bytes));
  });
  await new Promise<void>((resolve) => next.listen(0, '127.0.0.1', resolve));
  const upstream = createUpstream({ host: '127.0.0.1', port: (next.address() as AddressInfo).port });
  server = createServer(createFrontHandler({ upstream, cache: createResponseCache({ generation: () => 0 }), settled: async () => {} }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  next.closeAllConnections();
  await new Promise((resolve) => next.close(resolve));
});

/** Announces a body of `length` bytes and sends 1 KB of it: the answer must not wait for the rest. */
function post(path: string, length: number, cookie?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path, method: 'POST', headers: { 'content-length': length, ...(cookie ? { cookie } : {}) } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.write(Buffer.alloc(1024));
  });
}

describe('large request bodies', () => {
  it('are refused with 413 before Next reads them, but for a signed-in upload to the import', async () => {
    reachedNext.length = 0;
    expect(await post('/admin/posts/1', 50 * 1024 * 1024)).toBe(413);
    expect(await post('/admin/import', 50 * 1024 * 1024)).toBe(413);
    expect(await post('/api/auth/callback/credentials', 50 * 1024 * 1024)).toBe(413);
    expect(reachedNext).toEqual([]);
    const upload = post('/admin/import', 50 * 1024 * 1024, 'next-auth.session-token=x');
    await expect.poll(() => reachedNext).toEqual(['/admin/import']);
    expect(await upload).toBe(200);
  });

  it('are cut off with 413 at the same limit when sent without a length, as they stream', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ port, host: '127.0.0.1', path: '/admin/posts/2', method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', () => undefined);
      const chunk = Buffer.alloc(1024 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && req.write(chunk)) sent++;
        if (sent < 50) req.once('drain', pump);
        else req.end();
      };
      pump();
      setTimeout(() => reject(new Error('no answer')), 20_000);
    });
    expect(status).toBe(413);
    expect(nextBytes.get('/admin/posts/2') ?? 0).toBeLessThanOrEqual(ORDINARY_BODY_BYTES + 1024 * 1024);
  });
});
