import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestHandler } from './request-handler';

let server: Server;
let port: number;
const reachedNext: string[] = [];

beforeAll(async () => {
  // A stand-in for Next's handler: records what got through to it.
  const app = { getRequestHandler: () => async (req: { url?: string }, res: { end: (s: string) => void }) => void (reachedNext.push(req.url ?? ''), res.end('next')) };
  server = createServer(createRequestHandler(app as never));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

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
});
