import './load-env';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import { CacheTags } from '@/lib/cache-tags';
import { revalidatePublic, tagsFor } from '@/lib/cache/revalidate';
import { importSources } from '@/lib/content/import';
import { collectSourceFiles } from '@/lib/content/files';
import { db } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { resolveDatabase } from '@/lib/db/resolve';
import { readEnv } from '@/lib/env';
import { rerenderStalePosts } from '@/lib/posts/rerender';
import { publishDuePosts } from '@/lib/posts/scheduler';
import { createFirstAdmin } from '@/lib/users/mutations';
import { buildIsStale } from './build-freshness';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // Its own process group, so stopping it also stops the next-server it forks.
  return spawn(process.execPath, args, { stdio: 'inherit', env, detached: true });
}

const NEXT = 'node_modules/next/dist/bin/next';
/** `next dev`, or in production `next start` wrapped for per-response CSP nonces. */
const serverArgs = (port: number) =>
  mode === 'dev' ? [NEXT, 'dev', '--port', String(port)] : ['--import', 'tsx', 'scripts/web-server.ts'];

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

function stopGroup(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || !child.pid) return Promise.resolve();
  const exited = waitForExit(child);
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return Promise.resolve();
  }
  const force = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
  return exited.finally(() => clearTimeout(force));
}

/** Polls the health route until the server answers, or the server process exits. */
async function waitUntilServing(origin: string, exited: Promise<number>): Promise<boolean> {
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    const ok = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** A secret kept in .data so sessions survive restarts; production sets NEXTAUTH_SECRET instead. */
async function persistentSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Every 30 s: publish scheduled posts that are due and refresh the pages they
 * appear on. Every instance runs it; a post is published once (the version check
 * in updatePost), and a duplicate refresh is harmless.
 */
function startScheduler() {
  let since = new Date();
  const tick = async () => {
    const now = new Date();
    try {
      const affected = await publishDuePosts(since, now);
      since = now;
      const warning = affected.length ? await revalidatePublic(tagsFor(affected)) : null;
      if (warning) console.error(`Scheduled publishing: ${warning}`);
    } catch (error) {
      console.error(`Scheduled publishing failed: ${(error as Error).message}`);
    }
  };
  setInterval(() => void tick(), 30_000).unref();
  void tick();
}

async function seedIfEmpty() {
  if ((await db.revision.count()) > 0) return;
  console.log('Empty database: importing content/ …');
  const report = await importSources(await collectSourceFiles(['content']));
  const { imported, failed } = report.counts;
  for (const r of report.results.filter((r) => r.status === 'failed')) console.error(`  ✗ ${r.file}: ${r.reason}`);
  console.log(`Seeded ${imported} posts${failed ? `, ${failed} files failed` : ''}.`);
}

async function announceFirstAdmin(port: number) {
  const admin = await createFirstAdmin();
  if (!admin) return;
  console.log(
    [
      '',
      '┌──────────────────────────────────────────────────────────────',
      '│ First start: an admin account was created. It is shown only once.',
      `│   email:    ${admin.email}`,
      `│   password: ${admin.password}`,
      `│ Sign in at http://localhost:${port}/admin and change the password.`,
      '└──────────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
}

const env = readEnv();
const database = await resolveDatabase();
await migrate(database.url, { log: console.log });
await seedIfEmpty();
const rerendered = await rerenderStalePosts();
if (rerendered.done) {
  console.log(`Recompiled ${rerendered.done} posts for the current renderer.`);
  // Instances already serving hold the old renders.
  const warning = await revalidatePublic([CacheTags.site]);
  if (warning) console.error(`Warning: ${warning}`);
}
for (const f of rerendered.failed) console.error(`  ✗ post #${f.id} could not be recompiled: ${f.reason}`);
await announceFirstAdmin(env.PORT);

const childEnv = {
  NEXT_TELEMETRY_DISABLED: '1',
  // Without a configured public URL, next-auth takes the origin from the request's Host.
  ...(process.env.NEXTAUTH_URL ? {} : { AUTH_TRUST_HOST: '1' }),
  ...process.env,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? (await persistentSecret('.data/auth-secret')),
  DATABASE_URL: database.url,
};
let child: ChildProcess | undefined;
exitHook((done) => {
  if (!child) return done();
  void stopGroup(child).finally(done);
});

if (mode === 'start' && (await buildIsStale())) {
  console.log('Building the app for production (next build) …');
  child = run([NEXT, 'build'], childEnv);
  const code = await waitForExit(child);
  if (code !== 0) process.exit(code);
}
child = run(serverArgs(env.PORT), { ...childEnv, PORT: String(env.PORT) });
const exited = waitForExit(child);
const origin = `http://127.0.0.1:${env.PORT}`;
if (await waitUntilServing(origin, exited)) {
  // Nothing prerendered by the build (which reads no database) is served: the cache
  // handlers (lib/cache/handlers) start empty, so there is nothing to refresh at boot.
  console.log(`Serving ${database.embedded ? 'the seeded site' : 'the site'} at http://localhost:${env.PORT}`);
  startScheduler();
}
process.exit(await exited);
