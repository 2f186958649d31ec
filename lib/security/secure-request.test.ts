import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '@/lib/auth/credentials';
import { signInOrigin } from '@/lib/auth/sign-in-origin';
import { disconnectDb } from '@/lib/db';
import { createUser } from '@/lib/users/mutations';
import { connectTestDatabase } from '@/test/database';
import { CLIENT_HEADER, readStamp, stampValue } from './client-stamp';
import { secureRequest } from './secure-request';

// What scripts/serve.ts does with every request, on a real socket; behind it, what authorize() does.
process.env.NEXTAUTH_SECRET ??= 'a test secret for the client stamp';
const PASSWORD = 'a long enough password';
let server: Server;
let port: number;

beforeAll(async () => {
  await connectTestDatabase();
  await createUser({ email: 'victim@example.com', role: 'editor', password: PASSWORD });
  server = createServer((req, res) => {
    secureRequest(req, res);
    // What the nonce swap does to every page; admin responses must stay no-store regardless.
    res.setHeader('cache-control', 'private, no-cache');
    if (req.url !== '/api/sign-in') return res.end(JSON.stringify(readStamp(req.headers[CLIENT_HEADER])));
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      authenticate(JSON.parse(body), signInOrigin(req.headers)).then(
        () => res.end(JSON.stringify({ ok: true })),
        (error: Error) => res.end(JSON.stringify({ error: error.message })),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  port = (server.address() as AddressInfo).port;
});
afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});
afterAll(async () => {
  server.close();
  await disconnectDb();
});

/** One request from a chosen loopback address (Linux answers on all of 127.0.0.0/8). */
function send(from: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  return new Promise<{ headers: IncomingHttpHeaders; json: Record<string, unknown> | null }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, localAddress: from, method: body ? 'POST' : 'GET', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ headers: res.headers, json: JSON.parse(text) as Record<string, unknown> | null }));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

describe('with no trusted proxy (the default)', () => {
  it('takes the socket’s address, whatever X-Forwarded-For or a forged stamp say', async () => {
    const forged = stampValue({ address: '192.0.2.1', https: true }, 'guessed secret');
    const { json } = await send('127.0.0.5', '/api/stamp', { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8', [CLIENT_HEADER]: forged });
    expect(json).toEqual({ address: '127.0.0.5', https: false });
    // Readers' pages need no stamp, and a client's own never reaches Next.
    expect((await send('127.0.0.5', '/posts/x', { [CLIENT_HEADER]: forged })).json).toBeNull();
  });

  it('counts every failure against the real address however X-Forwarded-For rotates', async () => {
    for (let i = 0; i < 20; i++) {
      const { json } = await send('127.0.0.3', '/api/sign-in', { 'x-forwarded-for': `203.0.113.${i}` }, { email: `spray${i}@example.com`, password: 'x' });
      expect(json!.error).toMatch(/不正确/);
    }
    const { json } = await send('127.0.0.3', '/api/sign-in', { 'x-forwarded-for': '203.0.113.200' }, { email: 'victim@example.com', password: PASSWORD });
    expect(json!.error).toMatch(/秒后再试/);
  });

  it('does not let an attacker who claims the victim’s address lock the victim out', async () => {
    for (let i = 0; i < 25; i++) {
      await send('127.0.0.6', '/api/sign-in', { 'x-forwarded-for': '127.0.0.2', 'x-real-ip': '127.0.0.2' }, { email: `other${i}@example.com`, password: 'x' });
    }
    const { json } = await send('127.0.0.2', '/api/sign-in', {}, { email: 'victim@example.com', password: PASSWORD });
    expect(json).toEqual({ ok: true });
  });

  it('sends no HSTS on a client’s say-so', async () => {
    const { headers } = await send('127.0.0.1', '/api/stamp', { 'x-forwarded-proto': 'https' });
    expect(headers['strict-transport-security']).toBeUndefined();
  });
});

describe('behind trusted proxies', () => {
  it('takes the right-most untrusted X-Forwarded-For entry, and only from a trusted peer', async () => {
    process.env.TRUSTED_PROXIES = '127.0.0.1, 10.0.0.0/8';
    expect((await send('127.0.0.1', '/api/stamp', { 'x-forwarded-for': '192.0.2.66, 203.0.113.7' })).json).toMatchObject({ address: '203.0.113.7' });
    expect((await send('127.0.0.1', '/api/stamp', { 'x-forwarded-for': '192.0.2.66, 203.0.113.7, 10.2.3.4' })).json).toMatchObject({ address: '203.0.113.7' });
    expect((await send('127.0.0.7', '/api/stamp', { 'x-forwarded-for': '203.0.113.7' })).json).toMatchObject({ address: '127.0.0.7' });
  });

  it('sends HSTS when a trusted proxy says the request came over HTTPS', async () => {
    process.env.TRUSTED_PROXIES = '127.0.0.1';
    expect((await send('127.0.0.1', '/api/stamp', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBe('max-age=31536000');
    expect((await send('127.0.0.1', '/api/stamp', { 'x-forwarded-proto': 'https' })).json).toMatchObject({ https: true });
    expect((await send('127.0.0.1', '/api/stamp', { 'x-forwarded-proto': 'http' })).headers['strict-transport-security']).toBeUndefined();
    expect((await send('127.0.0.8', '/api/stamp', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBeUndefined();
  });
});

describe('admin responses', () => {
  it('stay private, no-store whatever sets Cache-Control later; public ones are left alone', async () => {
    for (const path of ['/admin', '/admin/export', '/admin/posts/1?x=1']) {
      expect((await send('127.0.0.1', path)).headers['cache-control'], path).toBe('private, no-store');
    }
    expect((await send('127.0.0.1', '/administrator')).headers['cache-control']).toBe('private, no-cache');
  });
});
