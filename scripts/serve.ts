import './load-env';
import { spawn, type ChildProcess } from 'node:child_process';
import exitHook from 'async-exit-hook';
import { importSources } from '@/lib/content/import';
import { collectSourceFiles } from '@/lib/content/files';
import { db } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { resolveDatabase } from '@/lib/db/resolve';
import { readEnv } from '@/lib/env';
import { createFirstAdmin } from '@/lib/users/mutations';
import { buildIsStale } from './build-freshness';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // Its own process group, so stopping it also stops the next-server it forks.
  return spawn(process.execPath, ['node_modules/next/dist/bin/next', ...args], { stdio: 'inherit', env, detached: true });
}

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
await announceFirstAdmin(env.PORT);
await db.$disconnect();

const childEnv = { NEXT_TELEMETRY_DISABLED: '1', ...process.env, DATABASE_URL: database.url };
let child: ChildProcess | undefined;
exitHook((done) => {
  if (!child) return done();
  void stopGroup(child).finally(done);
});

if (mode === 'start' && (await buildIsStale())) {
  console.log('Building the app for production (next build) …');
  child = run(['build'], childEnv);
  const code = await waitForExit(child);
  if (code !== 0) process.exit(code);
}
child = run([mode, '--port', String(env.PORT)], childEnv);
process.exit(await waitForExit(child));
