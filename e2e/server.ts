import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { PRODUCTION_NODE_ARGS } from '../scripts/production-command';

// The end-to-end server: a fresh database each run, then exactly what `npm start` does.
if (process.env.E2E_RESET && process.env.EMBEDDED_PG_DIR && !process.env.DATABASE_URL) {
  await rm(process.env.EMBEDDED_PG_DIR, { recursive: true, force: true });
}
const child = spawn(process.execPath, PRODUCTION_NODE_ARGS, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
