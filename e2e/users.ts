import { execFile } from 'node:child_process';

export const ADMIN = { email: 'admin-e2e@example.com', password: 'e2e admin password 1' };
export const EDITOR = { email: 'editor-e2e@example.com', password: 'e2e editor password 1' };
export const ADMIN_STATE = 'playwright/.auth/admin.json';
export const EDITOR_STATE = 'playwright/.auth/editor.json';

/** Runs one of the project's CLI scripts against the test server's database, as a user would. */
export function runCli(script: string, args: string[], stdin?: string, extraEnv: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const { DATABASE_URL: _unset, ...env } = process.env;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', `scripts/${script}.ts`, ...args],
      { env: { ...env, EMBEDDED_PG_DIR: process.env.E2E_PG_DIR ?? '.data/e2e-postgres', ...extraEnv } },
      (_error, stdout, stderr) => resolve({ code: child.exitCode ?? 1, output: stdout + stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

/** Creates a user, or leaves the existing one alone. */
export async function ensureUser(user: { email: string; password: string }, role: 'admin' | 'editor') {
  const result = await runCli('user-create', ['--email', user.email, '--role', role, '--password-stdin'], `${user.password}\n`);
  if (result.code !== 0 && !result.output.includes('已有使用')) throw new Error(result.output);
}
