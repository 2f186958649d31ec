import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the server (it stops when this process exits). */
  owned: boolean;
  stop: () => Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

export interface EmbeddedOptions {
  port?: number;
  log?: (message: string) => void;
  /** Extra `initdb` and `postgres` flags (the benchmark preloads auto_explain). */
  initdbFlags?: string[];
  postgresFlags?: string[];
}

const DATABASE = 'inkwell';
// From the working directory, as the render pool's worker: npm start runs this module bundled elsewhere (scripts/start.mjs).
const HOST = path.join(process.cwd(), 'lib', 'db', 'embedded-host.mjs');

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
  try {
    process.kill(Number(pidLine), 0);
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

/** Starts lib/db/embedded-host.mjs and waits for its first word: ready, or why not. */
async function startHost(config: Record<string, unknown>): Promise<ChildProcess> {
  const env = { ...process.env, INKWELL_EMBEDDED_PG: JSON.stringify(config) };
  const host = spawn(process.execPath, [HOST], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const exited = new Promise<never>((_, reject) =>
    host.once('exit', (code) => reject(new Error(`the embedded Postgres host exited with code ${code}`))),
  );
  const said = new Promise<{ ready?: true; error?: string }>((resolve) =>
    createInterface({ input: host.stdout! }).once('line', (line) => resolve(JSON.parse(line))),
  );
  const answer = await Promise.race([said, exited]);
  if (answer.error) throw new Error(answer.error);
  // The host lives as long as this process: it must not keep our event loop alive by itself.
  host.stdout!.destroy();
  host.unref();
  (host.stdin as unknown as net.Socket).unref();
  return host;
}

function stopHost(host: ChildProcess): Promise<void> {
  if (host.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => host.once('exit', () => resolve()));
  host.ref();
  host.stdin!.end();
  return exited;
}

/**
 * The server runs as the `postgres` OS user when we are root: it must be able to
 * pass through the data directory's parent. Only that permission is added; a
 * shared parent such as /tmp keeps its other bits (sticky, world-writable).
 */
export async function letOthersEnter(dir: string): Promise<void> {
  const { mode } = await stat(dir);
  if ((mode & 0o011) !== 0o011) await chmod(dir, (mode & 0o7777) | 0o011).catch(() => undefined);
}

/**
 * Finds the embedded Postgres already serving `dataDir` (started by `npm start` or
 * another CLI) or starts one. Data survives across runs; a server this call starts
 * runs in a child process and stops when this process exits, however it exits.
 */
export async function ensureEmbeddedPostgres(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const absoluteDir = path.resolve(dataDir);
  const parent = path.dirname(absoluteDir);
  await mkdir(parent, { recursive: true });
  await letOthersEnter(parent);
  const credentials = await readCredentials(`${absoluteDir}.credentials.json`);

  const livePort = await runningPort(absoluteDir);
  if (livePort) return { url: urlFor(credentials, livePort), owned: false, stop: async () => {} };

  const port = options.port ?? (await freePort());
  if (!existsSync(path.join(absoluteDir, 'PG_VERSION'))) options.log?.(`Creating an embedded Postgres cluster in ${dataDir} …`);
  let host: ChildProcess;
  try {
    host = await startHost({ ...credentials, databaseDir: absoluteDir, port, database: DATABASE, initdbFlags: options.initdbFlags, postgresFlags: options.postgresFlags });
  } catch (error) {
    // Another process may have started it between our check and our start.
    const racedPort = await runningPort(absoluteDir);
    if (racedPort) return { url: urlFor(credentials, racedPort), owned: false, stop: async () => {} };
    throw new Error(`The embedded Postgres in ${dataDir} did not start (port ${port}): ${(error as Error).message}`);
  }
  return { url: urlFor(credentials, port), owned: true, stop: () => stopHost(host) };
}
