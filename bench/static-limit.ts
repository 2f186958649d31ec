import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CapturedResponse } from './load';

/** Starts bench/static-server.ts in its own process group with the captured responses (port 0: any free port). */
export async function startStaticLimit(responses: CapturedResponse[], port: number, workDir: string) {
  const file = path.resolve(workDir, 'static-responses.json');
  await mkdir(workDir, { recursive: true });
  await writeFile(file, JSON.stringify(responses.map((r) => ({ ...r, body: r.body.toString('base64') }))));
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bench/static-server.ts', file, String(port)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const listening = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (line: Buffer) => resolve(Number(/listening (\d+)/.exec(line.toString())?.[1])));
    child.once('exit', (code) => reject(new Error(`static server exited with ${code}`)));
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', stop);
  return { origin: `http://127.0.0.1:${listening}`, stop };
}
