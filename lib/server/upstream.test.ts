import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpstream, type Upstream } from './upstream';

// Stands in for Next closing a kept-alive connection just as the next request goes out on it:
// the second request on every connection finds the connection gone.
let next: Server;
let upstream: Upstream;
let received: string[] = [];
const served = new WeakMap<Socket, number>();

beforeAll(async () => {
  next = createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    const count = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, count);
    if (count === 2) return void req.socket.destroy();
    req.resume();
    req.on('end', () => res.end(`${req.method} ${req.url}`));
  });
  await new Promise<void>((resolve) => next.listen(0, '127.0.0.1', resolve));
  upstream = createUpstream({ host: '127.0.0.1', port: (next.address() as AddressInfo).port });
});
afterAll(async () => {
  upstream.close();
  next.closeAllConnections();
  await new Promise((resolve) => next.close(resolve));
});

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('requests to Next over kept-alive connections', () => {
  it('sends a read again on a new connection when its kept-alive one was closed under it', async () => {
    received = [];
    expect((await upstream.fetch({ method: 'GET', path: '/a', headers: {} })).body.toString()).toBe('GET /a');
    await settle();
    expect((await upstream.fetch({ method: 'GET', path: '/b', headers: {} })).body.toString()).toBe('GET /b');
    expect(received).toEqual(['GET /a', 'GET /b', 'GET /b']);
  });

  it('does the same for a streamed read', async () => {
    await settle();
    received = [];
    const text = await new Promise<string>((resolve, reject) => {
      const call = upstream.request({ method: 'HEAD', path: '/c', headers: {} }, (answer) => {
        answer.resume();
        answer.on('end', () => resolve(String(answer.statusCode)));
      });
      call.onError(reject);
    });
    expect(text).toBe('200');
    expect(received).toEqual(['HEAD /c', 'HEAD /c']);
  });

  it('never sends a write twice: its failure is reported', async () => {
    // A fresh connection, then a write as its second request.
    await upstream.fetch({ method: 'GET', path: '/d', headers: {} });
    await settle();
    received = [];
    const error = await new Promise<Error>((resolve) => {
      const call = upstream.request({ method: 'POST', path: '/save', headers: { 'content-length': '10' }, body: Readable.from([Buffer.from('saved text')]) }, () => resolve(new Error('answered')));
      call.onError(resolve);
    });
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNRESET');
    expect(received).toEqual(['POST /save']);
  });
});
