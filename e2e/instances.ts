import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stopGroup } from '../test/redis';
import { dataDir, postmaster } from './database';

export interface Instance {
  origin: string;
  /** Everything it printed, for the failure message. */
  log: () => string;
  stop: () => Promise<void>;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; log: () => string } {
  // Its own process group, so stopping it also stops the next-server it forks.
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, log: () => output };
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
 * The production server (scripts/web-server.ts: `next start` with script-free
 * public pages and their response cache) on the existing build, as one instance of several:
 * the same database and session secret as the e2e server, its own port, and
 * REDIS_URL or none. Like `npm start`, it refreshes its cache once it serves.
 */
export async function startInstance(port: number, redisUrl: string | null): Promise<Instance> {
  const origin = `http://127.0.0.1:${port}`;
  const revalidateSecret = randomBytes(24).toString('base64url');
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_TRUST_HOST: '1',
    DATABASE_URL: e2eDatabaseUrl(),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? readFileSync('.data/auth-secret', 'utf8').trim(),
    REVALIDATE_SECRET: revalidateSecret,
    REDIS_URL: redisUrl ?? '',
  };
  const { child, log } = start(process.execPath, ['--import', 'tsx', 'scripts/web-server.ts'], { ...env, PORT: String(port) });
  await waitFor(`the web server on ${port}`, () => fetch(`${origin}/api/health`).then((r) => r.ok), log, child);
  const refreshed = await fetch(`${origin}/api/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${revalidateSecret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tags: ['site'] }),
  });
  if (!refreshed.ok) throw new Error(`boot refresh of ${origin} answered ${refreshed.status}`);
  return { origin, log, stop: () => stopGroup(child) };
}
