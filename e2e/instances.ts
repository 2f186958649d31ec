import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dataDir, postmaster } from './database';
import { PRODUCTION_NODE_ARGS } from '../scripts/production-command';

export interface Instance {
  origin: string;
  /** Everything it printed, for the failure message. */
  log: () => string;
  stop: () => Promise<void>;
  /** SIGKILL to its whole process group: a crash, with no chance to finish what it was doing. */
  kill: () => Promise<void>;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; log: () => string } {
  // Its own process group, so stopping it also stops the next-server it forks.
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, log: () => output };
}

/**
 * Stops a child started detached, with everything in its process group: SIGTERM and SIGKILL
 * after 5 s, or SIGKILL at once (a crash, with no chance to finish what it was doing).
 */
export function stopGroup(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, signal);
  const force = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 5_000);
  return exited.finally(() => clearTimeout(force));
}

async function waitFor(what: string, ready: () => Promise<boolean>, log: () => string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}:\n${log()}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not become ready in ${timeoutMs / 1000} s:\n${log()}`);
}

/** The URL of the e2e web server's embedded Postgres, so every instance shares its database. */
export function e2eDatabaseUrl(): string {
  const { user, password } = JSON.parse(readFileSync(`${dataDir}.credentials.json`, 'utf8')) as { user: string; password: string };
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${postmaster().port}/inkwell`;
}

/**
 * `npm start` on the existing build, as one instance of several: the same
 * database and session secret as the e2e server, its own port, and nothing else
 * shared (tag expiries reach it through the database).
 */
export async function startInstance(port: number): Promise<Instance> {
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_TRUST_HOST: '1',
    DATABASE_URL: e2eDatabaseUrl(),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? readFileSync('.data/auth-secret', 'utf8').trim(),
  };
  const { child, log } = start(process.execPath, PRODUCTION_NODE_ARGS, { ...env, PORT: String(port) });
  // npm start answers /api/health with 200 only once it has refreshed its cache.
  try {
    await waitFor(`the web server on ${port}`, () => fetch(`${origin}/api/health`).then((r) => r.ok), log, child);
  } catch (error) {
    // Never left running (and holding the port) by a start that failed.
    await stopGroup(child);
    throw error;
  }
  return { origin, log, stop: () => stopGroup(child), kill: () => stopGroup(child, 'SIGKILL') };
}
