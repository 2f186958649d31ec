import pg from 'pg';
import { importSources } from '@/lib/import/import';
import { collectSourceFiles } from '@/lib/content/files';
import { db, disconnectDb } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { rerenderStalePosts } from '@/lib/posts/rerender';
import { closeSharedRenderPool } from '@/lib/render/budget';
import { createFirstAdmin } from '@/lib/users/mutations';

// An application-wide advisory lock key of our own (Prisma Migrate's is 72707369).
const BOOT_LOCK = 5_260_131;

type Log = (message: string) => void;

/** Runs `work` while holding the boot lock: instances started together take turns. */
async function withBootLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [BOOT_LOCK]);
    return await work();
  } finally {
    await client.end();
  }
}

async function seedIfEmpty(log: Log, warn: Log) {
  if ((await db.revision.count()) > 0) return;
  log('Empty database: importing content/ …');
  const report = await importSources(await collectSourceFiles(['content']));
  const { imported, failed } = report.counts;
  for (const r of report.results.filter((r) => r.status === 'failed')) warn(`  ✗ ${r.file}: ${r.reason}`);
  log(`Seeded ${imported} posts${failed ? `, ${failed} files failed` : ''}.`);
}

function announce(admin: { email: string; password: string }, port: number): string {
  return [
    '',
    '┌──────────────────────────────────────────────────────────────',
    '│ First start: an admin account was created. It is shown only once.',
    `│   email:    ${admin.email}`,
    `│   password: ${admin.password}`,
    `│ Sign in, then change it at http://localhost:${port}/admin/account`,
    '└──────────────────────────────────────────────────────────────',
    '',
  ].join('\n');
}

/**
 * What a server does before it answers readers: migrate, seed an empty
 * database, recompile posts of an older renderer, create the first admin. Under
 * one advisory lock, so several instances may start at once on an empty
 * database and exactly one seeds it and prints the admin login. It leaves no
 * database client or render pool behind: Next's own copy of lib/ must make its
 * own, or its `instanceof` checks would meet this copy's error classes.
 */
export async function bootDatabase(databaseUrl: string, options: { port: number; log?: Log; warn?: Log }): Promise<void> {
  const { log = console.log, warn = console.error } = options;
  await withBootLock(databaseUrl, async () => {
    await migrate(databaseUrl, { log });
    await seedIfEmpty(log, warn);
    const rerendered = await rerenderStalePosts();
    if (rerendered.done) {
      log(`Recompiled ${rerendered.done} posts for the current renderer.`);
      if (rerendered.warning) warn(`Warning: ${rerendered.warning}`);
    }
    for (const f of rerendered.failed) warn(`  ✗ post #${f.id} could not be recompiled: ${f.reason}`);
    const admin = await createFirstAdmin();
    if (admin) log(announce(admin, options.port));
  }).finally(() => Promise.all([closeSharedRenderPool(), disconnectDb()]));
}
