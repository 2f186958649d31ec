import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrontHandler } from './front';
import { createResponseCache } from './response-cache';
import { createUpstream } from './upstream';

let next: Server;
let front: Server;
let origin: string;
let release: () => void = () => {};
let settledCalls = 0;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  // Stands in for Next's thread.
  next = createServer((req, res) => {
    req.resume();
    if (req.url === '/admin/stream') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first ');
      setTimeout(() => res.end('second'), 200);
      return;
    }
    res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
    res.end(`${req.method} ${req.url} ${req.headers['x-inkwell-client'] ? 'stamped' : 'unstamped'}`);
  });
  const upstream = createUpstream({ host: '127.0.0.1', port: await listen(next) });
  const settled = () => {
    settledCalls++;
    return new Promise<void>((resolve) => (release = resolve));
  };
  front = createServer(createFrontHandler({ upstream, cache: createResponseCache({ generation: () => 0 }), settled }));
  origin = `http://127.0.0.1:${await listen(front)}`;
});
afterAll(async () => {
  for (const server of [front, next]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('the web server thread relaying to Next', () => {
  it('answers a write only once this thread knows the invalidations it made, so the next page read is fresh', async () => {
    let answered = false;
    const post = fetch(`${origin}/admin/posts/1`, { method: 'POST', body: 'x' }).then(async (res) => {
      answered = true;
      return res.text();
    });
    await expect.poll(() => settledCalls).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    release();
    expect(await post).toBe('POST /admin/posts/1 stamped');
  });

  it('passes every cookie and streams the admin’s answers as Next writes them', async () => {
    const res = await fetch(`${origin}/api/auth/session`);
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    const reader = (await fetch(`${origin}/admin/stream`)).body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('first ');
  });
});
