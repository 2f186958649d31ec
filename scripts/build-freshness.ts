import { existsSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.mjs', 'package-lock.json', 'tsconfig.json', 'proxy.ts', 'instrumentation.ts'];

async function newestChange(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(entry);
  const times = await Promise.all(children.map((child) => newestChange(path.join(entry, child))));
  return Math.max(info.mtimeMs, ...times);
}

/** True when there is no production build, or a source file is newer than it. */
export async function buildIsStale(): Promise<boolean> {
  const marker = '.next/BUILD_ID';
  if (!existsSync(marker)) return true;
  const builtAt = statSync(marker).mtimeMs;
  const times = await Promise.all(SOURCES.map(newestChange));
  return Math.max(...times) > builtAt;
}
