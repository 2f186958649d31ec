import './load-env';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import next from 'next';
import { listenForTagExpiries } from '@/lib/cache/tag-listener.cjs';
import { resolveDatabase } from '@/lib/db/resolve';
import { readEnv } from '@/lib/env';
import { bootDatabase } from '@/lib/server/boot';
import { surviveClosedOutput } from '@/lib/server/closed-output';
import { startFront } from '@/lib/server/front-thread';
import { createRequestHandler } from '@/lib/server/request-handler';
import { createUpstream } from '@/lib/server/upstream';
import { buildIsStale } from './build-freshness';
import { publicOriginWarning, storedPublicOrigin } from './public-origin';

/**
 * `npm start` (and `npm run dev`): one process. It migrates, seeds an empty
 * database and creates the first admin (lib/server/boot.ts), builds when the
 * build is stale, serves through Next's custom-server API (instrumentation.ts
 * starts the scheduler) behind the web server's own thread (front-worker.ts),
 * warms the home page, and only then answers readers and /api/health.
 */
const dev = process.argv[2] === 'dev';
surviveClosedOutput();

/** A secret kept in .data so sessions survive restarts; production sets NEXTAUTH_SECRET instead. */
async function persistentSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

function build(): Promise<void> {
  console.log('Building the app for production (next build) …');
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit code ${code})`)))),
  );
}

const env = readEnv();
const database = await resolveDatabase();
await bootDatabase(database.url, { port: env.PORT });
if (!dev && (await buildIsStale())) await build();
// Canonical, feed and Open Graph URLs would say localhost: say so where the operator looks.
const originWarning = dev ? null : publicOriginWarning(env.SITE_URL, env.SITE_URL ? null : await storedPublicOrigin(database.url));
if (originWarning) console.warn(originWarning);

process.env.NEXT_TELEMETRY_DISABLED = '1';
// Without a configured public URL, next-auth takes the origin from the request's Host.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= '1';
process.env.NEXTAUTH_SECRET ??= await persistentSecret('.data/auth-secret');
// Tag expiries from every other instance, through Postgres (lib/cache/tag-listener.cjs).
listenForTagExpiries();

// Next listens on a socket in a directory only this user may open; the web server's thread owns the port.
const socketDir = await mkdtemp(path.join(tmpdir(), 'inkwell-'));
const self = createUpstream({ socketPath: path.join(socketDir, 'next.sock') });
let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => void res.writeHead(503).end();
const internal = createServer((req, res) => handle(req, res));
// Only our own thread connects here: an idle connection stays open until that thread closes it, so a
// request never goes out on a connection this side is closing (its 5 s default would race with it).
internal.keepAliveTimeout = 0;
await new Promise<void>((resolve, reject) => internal.once('error', reject).listen(path.join(socketDir, 'next.sock'), resolve));

const front = startFront({ port: env.PORT, socketPath: path.join(socketDir, 'next.sock'), cacheBytes: env.RESPONSE_CACHE_MB * 1024 * 1024 });
await front.listening;

// Given the server it runs behind, Next answers its own protocol upgrades (the dev server's live reload).
const app = next({ dev, dir: process.cwd(), port: env.PORT, httpServer: internal });
await app.prepare();
handle = createRequestHandler(app, self);

// Warm the home page before the first reader.
const home = await self.fetch({ method: 'GET', path: '/', headers: { host: `localhost:${env.PORT}` } });
if (home.status !== 200) console.error(`Warning: the home page answered ${home.status} at start.`);
front.ready();
console.log(`Serving ${database.embedded ? 'the seeded site' : 'the site'} at http://localhost:${env.PORT}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    internal.close();
    internal.closeAllConnections();
    void Promise.allSettled([front.close(), app.close()])
      .then(() => rm(socketDir, { recursive: true, force: true }))
      .then(() => database.stop())
      .finally(() => process.exit(0));
  });
}
