import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { letOthersEnter } from './embedded';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function dirWithMode(mode: number): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'inkwell-mode-'));
  made.push(dir);
  await chmod(dir, mode);
  return dir;
}

const modeOf = async (dir: string) => (await stat(dir)).mode & 0o7777;

describe('the data directory’s parent', () => {
  it('keeps a shared directory like /tmp sticky and world-writable', async () => {
    const shared = await dirWithMode(0o1777);
    await letOthersEnter(shared);
    expect(await modeOf(shared)).toBe(0o1777);
  });

  it('gains only the right to pass through when Postgres could not reach its data', async () => {
    const closed = await dirWithMode(0o700);
    await letOthersEnter(closed);
    expect(await modeOf(closed)).toBe(0o711);
  });
});
