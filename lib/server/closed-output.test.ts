import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** A process that logs every uncaught exception, as Next does, and then loses its log pipe's reader. */
async function cpuAfterOutputCloses(): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'closed-output-'));
  const script = path.join(dir, 'child.ts');
  await writeFile(
    script,
    `import { surviveClosedOutput } from ${JSON.stringify(path.resolve('lib/server/closed-output.ts'))};
surviveClosedOutput();
process.on('uncaughtException', (error) => console.error('uncaught', error));
setInterval(() => console.log('a log line'), 20);
process.on('message', () => process.send!(process.cpuUsage()));
`,
  );
  const child = fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  try {
    await new Promise((resolve) => child.stdout!.once('data', resolve));
    child.stdout!.destroy();
    child.stderr!.destroy();
    const ask = () =>
      new Promise<NodeJS.CpuUsage>((resolve) => {
        child.once('message', (m) => resolve(m as NodeJS.CpuUsage));
        child.send('cpu');
      });
    const before = await ask();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = await ask();
    return (after.user + after.system - before.user - before.system) / 1000;
  } finally {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}

describe('a server whose log pipe closes', () => {
  it('keeps its CPU for requests instead of logging its write errors in a loop', async () => {
    expect(await cpuAfterOutputCloses()).toBeLessThan(200);
  }, 20_000);
});
