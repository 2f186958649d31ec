import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { PRODUCTION_NODE_ARGS, PRODUCTION_NODE_FLAGS } from '../scripts/production-command';

export interface AppServer {
  origin: string;
  /** The command line it runs. */
  command: string;
  pid: number;
  /** Expires every public cache entry (the `site` tag) on every instance of this database, as an edit would. */
  revalidateSite: () => Promise<void>;
  /** Resident memory of the server's process tree (next-server included), in bytes. */
  rss: () => number;
  stop: () => Promise<void>;
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Sum of VmRSS over a process and all its descendants. */
export function treeRss(pid: number): number {
  let total = 0;
  for (const p of [pid, ...descendants(pid)]) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // Gone.
    }
  }
  return total;
}

function descendants(pid: number): number[] {
  return childrenOf(pid).flatMap((c) => [c, ...descendants(c)]);
}

async function waitForHealth(origin: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (await fetch(`${origin}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer on ${origin} within ${timeoutMs / 1000} s`);
}


/** The SQL every writer ends in (lib/cache/revalidate.ts): every instance on this database hears it. */
export async function expireSite(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`SELECT expire_cache_tags(ARRAY['site'])`);
  } finally {
    await client.end();
  }
}

/**
 * The production server on the production build, as `npm start` runs it, detached in its own
 * process group so that stopping it stops whatever it started.
 */
export async function startApp(options: { port: number; databaseUrl: string; log?: (line: string) => void; nodeArgs?: string[] }): Promise<AppServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  // A leftover server on the port would answer the health check and be measured instead.
  if (await fetch(origin).then(() => true, () => false)) throw new Error(`port ${options.port} is already in use: stop what runs there`);
  // nodeArgs: e.g. --cpu-prof, to profile what a measurement costs the server.
  // After npm start's own flags, so that a V8 flag given here overrides its setting.
  const args = [...PRODUCTION_NODE_FLAGS, ...(options.nodeArgs ?? []), ...PRODUCTION_NODE_ARGS.slice(PRODUCTION_NODE_FLAGS.length)];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      AUTH_TRUST_HOST: '1',
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: origin,
      SITE_URL: origin,
      PORT: String(options.port),
    },
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    options.log?.(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', killGroup);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const force = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
    await exited.finally(() => clearTimeout(force));
  };
  try {
    await waitForHealth(origin, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output.join('')}`);
  }
  const revalidateSite = () => expireSite(options.databaseUrl);
  return { origin, command: `node ${args.join(' ')}`, pid: child.pid!, revalidateSite, rss: () => treeRss(child.pid!), stop };
}
