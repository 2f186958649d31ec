import './load-env';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import next from 'next';
import { listenForTagExpiries } from '@/lib/cache/tag-listener.cjs';
import { resolveDatabase } from '@/lib/db/resolve';
import { readEnv } from '@/lib/env';
import { bootDatabase } from '@/lib/server/boot';
import { secureRequest } from '@/lib/security/secure-request';
import { createRequestHandler } from '@/lib/server/request-handler';
import { buildIsStale } from './build-freshness';

/**
 * `npm start` (and `npm run dev`): one process. It migrates, seeds an empty
 * database and creates the first admin (lib/server/boot.ts), builds when the
 * build is stale, serves through Next's custom-server API (instrumentation.ts
 * starts the scheduler), warms the home page, and only then answers readers and
 * /api/health.
 */
const dev = process.argv[2] === 'dev';

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

/** Until the boot is done: 503 for every request, /api/health included, so a load balancer waits. */
function starting(_req: IncomingMessage, res: ServerResponse) {
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ status: 'starting' }));
}

const env = readEnv();
const database = await resolveDatabase();
await bootDatabase(database.url, { port: env.PORT });
if (!dev && (await buildIsStale())) await build();

process.env.NEXT_TELEMETRY_DISABLED = '1';
// Without a configured public URL, next-auth takes the origin from the request's Host.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= '1';
process.env.NEXTAUTH_SECRET ??= await persistentSecret('.data/auth-secret');
// Tag expiries from every other instance, through Postgres (lib/cache/tag-listener.cjs).
listenForTagExpiries();

let handler = starting;
const server = createServer((req, res) => {
  // The client's address for sign-in limits, HSTS, admin no-store: before anything answers.
  secureRequest(req, res);
  handler(req, res);
});
await new Promise<void>((resolve, reject) => server.once('error', reject).listen(env.PORT, resolve));

const app = next({ dev, dir: process.cwd(), port: env.PORT });
await app.prepare();
const serve = createRequestHandler(app);

// Warm the home page before the first reader; only that request is let through while starting.
const warmup = randomBytes(16).toString('hex');
handler = (req, res) => (req.headers['x-inkwell-warmup'] === warmup ? serve(req, res) : starting(req, res));
const home = await fetch(`http://127.0.0.1:${env.PORT}/`, { headers: { 'x-inkwell-warmup': warmup } });
if (!home.ok) console.error(`Warning: the home page answered ${home.status} at start.`);
await home.arrayBuffer();
handler = serve;
console.log(`Serving ${database.embedded ? 'the seeded site' : 'the site'} at http://localhost:${env.PORT}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void app
      .close()
      .then(() => database.stop())
      .finally(() => process.exit(0));
  });
}
