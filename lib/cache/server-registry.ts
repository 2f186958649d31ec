import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

interface ServerRecord {
  url: string;
  secret: string;
  pid: number;
}

const MAX_TAGS_PER_CALL = 500;

/** One record per database, so a CLI finds the server that serves the database it just wrote. */
function recordFile(databaseUrl: string): string {
  const id = createHash('sha256').update(databaseUrl).digest('hex').slice(0, 16);
  return path.resolve('.data/servers', `${id}.json`);
}

export async function registerServer(databaseUrl: string, record: ServerRecord): Promise<() => Promise<void>> {
  const file = recordFile(databaseUrl);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(record), { mode: 0o600 });
  return () => rm(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** POSTs tags to a server's /api/revalidate (more than the route takes at once: the whole site); throws on failure. */
export async function postRevalidate(origin: string, secret: string, tags: string[], headers: Record<string, string> = {}): Promise<void> {
  const response = await fetch(new URL('/api/revalidate', origin), {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tags: tags.length > MAX_TAGS_PER_CALL ? ['site'] : tags }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

/** POSTs the tags to the server running on this database; null when done or when none runs. */
export async function notifyRunningServer(tags: string[], databaseUrl = process.env.DATABASE_URL ?? ''): Promise<string | null> {
  const file = recordFile(databaseUrl);
  if (!existsSync(file)) return null;
  const record = JSON.parse(await readFile(file, 'utf8')) as ServerRecord;
  if (!isAlive(record.pid)) return null;
  try {
    await postRevalidate(record.url, record.secret, tags);
    return null;
  } catch (error) {
    return `the running server at ${record.url} could not be told to refresh its pages (${(error as Error).message}); restart it to see the changes`;
  }
}
