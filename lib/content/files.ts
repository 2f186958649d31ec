import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { extensionOf, IMPORTABLE_EXTENSIONS } from './parse';
import { MAX_FILE_BYTES } from './upload-limits';

export interface SourceFile {
  /** The path as the user named it, for messages. */
  name: string;
  /** Reads the bytes; rejects with a message when the file cannot be imported. */
  read: () => Promise<Uint8Array>;
  /** Set when the file is not a post and is left alone: why, for the report. */
  skip?: string;
}

function isPostFile(name: string): boolean {
  return !name.startsWith('.') && !/^readme\.md$/i.test(name) && IMPORTABLE_EXTENSIONS.includes(extensionOf(name));
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.'))
      .map((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return walk(full);
        return Promise.resolve(e.isFile() && isPostFile(e.name) ? [full] : []);
      }),
  );
  return nested.flat();
}

async function readPostFile(name: string): Promise<Uint8Array> {
  const info = await stat(name);
  if (info.size > MAX_FILE_BYTES) {
    throw new Error(`文件 ${(info.size / 1048576).toFixed(1)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB`);
  }
  return readFile(name);
}

/**
 * Expands files and directories (recursively; README.md, hidden and non-post
 * files skipped) into sorted, de-duplicated post files, read lazily.
 */
export async function collectSourceFiles(paths: string[]): Promise<SourceFile[]> {
  const names = new Set<string>();
  const missing: SourceFile[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (!info) {
      missing.push({ name: given, read: () => Promise.reject(new Error('文件或目录不存在')) });
    } else if (info.isDirectory()) {
      for (const file of await walk(given)) names.add(path.normalize(file));
    } else {
      names.add(path.normalize(given));
    }
  }
  const files = [...names].sort().map((name) => ({ name, read: () => readPostFile(name) }));
  return [...missing, ...files];
}
