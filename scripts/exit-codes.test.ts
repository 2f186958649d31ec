import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The tests of the tests: every command a user or CI runs exits non-zero when
 * something fails, whatever starts or stops the embedded Postgres underneath.
 */
interface Run {
  code: number | null;
  output: string;
}

function run(args: string[], env: Record<string, string | undefined> = {}, input = ''): Promise<Run> {
  // A clean environment, as a shell gives: none of this run's Vitest or database variables.
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of Object.keys(childEnv)) if (/^(VITEST|TEST$|NODE_ENV$|DATABASE_URL$)/.test(name)) delete childEnv[name];
  Object.assign(childEnv, env);
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      args,
      { env: childEnv, timeout: 120_000, maxBuffer: 16 << 20 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, output: stdout + stderr }),
    );
    child.stdin!.end(input);
  });
}

const cli = (script: string, args: string[], env: Record<string, string | undefined>, input?: string) =>
  run(['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', `scripts/${script}.ts`, ...args], env, input);

describe('test runners', () => {
  const vitest = (fixture: string) =>
    run(['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/fixtures/exit-codes/vitest.config.ts'], { EXIT_FIXTURE: fixture });
  const playwright = (fixture: string) =>
    run(['node_modules/@playwright/test/cli.js', 'test', '--config', 'test/fixtures/exit-codes/playwright.config.ts'], { EXIT_FIXTURE: fixture });

  it('Vitest, with the embedded Postgres of its global setup, exits non-zero on a failing test and 0 on a passing one', { timeout: 180_000 }, async () => {
    const failing = await vitest('fails');
    expect(failing.output).toMatch(/Tests\s+\S*1 failed/);
    expect(failing.code).not.toBe(0);
    const passing = await vitest('passes');
    expect(passing.output).toMatch(/Tests\s+\S*1 passed/);
    expect(passing.code).toBe(0);
  });

  it('Playwright exits non-zero on a failing browser test and 0 on a passing one', { timeout: 180_000 }, async () => {
    const failing = await playwright('fails');
    expect(failing.output).toMatch(/1 failed/);
    expect(failing.code).not.toBe(0);
    const passing = await playwright('passes');
    expect(passing.output, passing.output).toMatch(/1 passed/);
    expect(passing.code).toBe(0);
  });
});

describe('CLI commands given bad input, each starting its own embedded Postgres', { timeout: 120_000 }, async () => {
  const work = await mkdtemp(path.join(tmpdir(), 'exit-codes-'));
  // No server runs on this directory: every command below starts (and stops) its own.
  const env = { EMBEDDED_PG_DIR: path.join(work, 'postgres') };
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('content:import exits 1 on a broken file', async () => {
    const broken = path.join(work, 'broken.md');
    await writeFile(broken, '---\ntitle: [unclosed\n---\n');
    const result = await cli('import', [broken], env);
    expect(result.output).toMatch(/broken\.md: 文件头 YAML 有误/);
    expect(result.code).toBe(1);
  });

  it('content:export exits 1 when the destination cannot be written', async () => {
    const file = path.join(work, 'not-a-directory');
    await writeFile(file, 'x');
    const result = await cli('export', [file], env);
    expect(result.output).toMatch(/Error: /);
    expect(result.code).toBe(1);
  });

  it('user:create exits 1 on an invalid email', async () => {
    const result = await cli('user-create', ['--email', 'not-an-email', '--role', 'editor', '--password-stdin'], env, 'long enough password\n');
    expect(result.output).toMatch(/Error: .*email/i);
    expect(result.code).toBe(1);
  });

  it('db:migrate exits 1 when the database cannot be reached', async () => {
    const result = await cli('migrate', [], { DATABASE_URL: 'postgresql://nobody:x@127.0.0.1:1/none' });
    expect(result.output).toMatch(/Error: /);
    expect(result.code).toBe(1);
  });

  it('npm start exits non-zero on a fatal start-up error', async () => {
    const result = await cli('serve', ['start'], { DATABASE_URL: 'postgresql://nobody:x@127.0.0.1:1/none', PORT: '3999' });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
  });
});
