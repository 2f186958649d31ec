import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';

// The end-to-end server: a fresh database each run, then exactly what `npm start` does.
if (process.env.E2E_RESET && process.env.EMBEDDED_PG_DIR && !process.env.DATABASE_URL) {
  await rm(process.env.EMBEDDED_PG_DIR, { recursive: true, force: true });
}
const child = spawn(
  process.execPath,
  ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/serve.ts', 'start'],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
