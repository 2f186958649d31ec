import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { ensureEmbeddedPostgres } from '@/lib/db/embedded';
import { createTestDatabase, queryRows } from '@/test/database';

const exec = promisify(execFile);
// Each test runs whole commands (tsx, a database, sometimes a cluster of its own).
vi.setConfig({ testTimeout: 120_000 });

/** Runs an npm script's CLI the way `npm run` does, returning its exit code and output. */
async function runCli(script: string, args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _omit, ...base } = process.env;
  try {
    const { stdout, stderr } = await exec(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', `scripts/${script}.ts`, ...args],
      { env: { ...base, ...env }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const count = async (url: string, sql: string) => Number((await queryRows<{ count: string }>(url, sql))[0]!.count);

describe('content:import', () => {
  it('imports the good files of a mixed directory, names the broken ones and exits non-zero', async () => {
    const url = await createTestDatabase({ migrated: false });
    const dir = await mkdtemp(path.join(tmpdir(), 'cli-'));
    await cp('content/2023-11-14-prompt-engineering-tips.markdown', path.join(dir, '2023-11-14-prompt-engineering-tips.markdown'));
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\n');

    const run = await runCli('import', [dir], { DATABASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/✗ .*broken\.md: 文件头 YAML 有误/);
    expect(run.stdout).toMatch(/Imported 1, updated 0, unchanged 0, conflicts 0, failed 1\./);
    expect(await count(url, 'SELECT count(*) FROM posts')).toBe(1);

    await rm(path.join(dir, 'broken.md'));
    const again = await runCli('import', [dir], { DATABASE_URL: url });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Imported 0, updated 0, unchanged 1, conflicts 0, failed 0\./);
  });

  it('prints usage and exits 2 without paths', async () => {
    const run = await runCli('import', [], { DATABASE_URL: 'postgresql://unused@127.0.0.1:1/x' });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/Usage: npm run content:import/);
  });
});

describe('without DATABASE_URL', () => {
  it('uses the embedded Postgres that is already running on the data directory', async () => {
    const dir = path.join('.data', `cli-test-${process.pid}`);
    const server = await ensureEmbeddedPostgres(dir);
    try {
      const run = await runCli('import', ['content/2024-12-20-ollama-local-deploy.txt'], { EMBEDDED_PG_DIR: dir });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('embedded Postgres (already running');
      expect(run.stdout).toContain(`:${new URL(server.url).port}/`);
      expect(run.stdout).not.toContain(decodeURIComponent(new URL(server.url).password));
      expect(await count(server.url, 'SELECT count(*) FROM posts')).toBe(1);
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
      await rm(`${dir}.credentials.json`, { force: true });
    }
  });
});

describe('user:create', () => {
  it('creates a user with an argon2id hash from --password-stdin and refuses a duplicate', async () => {
    const url = await createTestDatabase();
    const create = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const { DATABASE_URL: _omit, ...base } = process.env;
        const child = execFile(
          process.execPath,
          ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/user-create.ts', '--email', 'New@Example.com', '--role', 'admin', '--password-stdin'],
          { env: { ...base, DATABASE_URL: url } },
          (_error, stdout, stderr) => resolve({ code: child.exitCode, out: stdout + stderr }),
        );
        child.stdin!.end('correct horse battery staple\n');
      });
    const first = await create();
    expect(first.out).toContain('Created admin new@example.com');
    expect(first.code).toBe(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT email, role, password_hash FROM users');
    await client.end();
    expect(rows).toEqual([{ email: 'new@example.com', role: 'admin', password_hash: expect.stringMatching(/^\$argon2id\$/) }]);
    const second = await create();
    expect(second.code).toBe(1);
    expect(second.out).toContain('已有使用 new@example.com 的用户');
  });
});

describe('the embedded Postgres', () => {
  const alive = (pid: number) => {
    try {
      return process.kill(pid, 0);
    } catch {
      return false;
    }
  };
  async function gone(pidFile: string, postmaster: number) {
    for (let i = 0; i < 150 && (existsSync(pidFile) || alive(postmaster)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(pidFile)).toBe(false);
    expect(alive(postmaster)).toBe(false);
  }

  it.each(['SIGTERM', 'SIGKILL'] as const)('stops cleanly when the process that started it gets %s', async (signal) => {
    const dir = path.join('.data', `signal-test-${process.pid}-${signal}`);
    const { DATABASE_URL: _omit, ...base } = process.env;
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/hold-database.ts'],
      { env: { ...base, EMBEDDED_PG_DIR: dir } },
    );
    try {
      await new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()));
      const pidFile = path.join(dir, 'postmaster.pid');
      const postmaster = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
      child.kill(signal);
      await new Promise((resolve) => child.once('exit', resolve));
      await gone(pidFile, postmaster);
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
      await rm(`${dir}.credentials.json`, { force: true });
    }
  });
});
