import { unzipSync } from 'fflate';
import type { SourceFile } from './files';
import { extensionOf, IMPORTABLE_EXTENSIONS } from './parse';

const MAX_FILE_BYTES = 25 * 1024 * 1024;
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 20_000;

const rejected = (name: string, reason: string): SourceFile => ({ name, read: () => Promise.reject(new Error(reason)) });

/** Only the base name: entry paths are for messages, never for the file system. */
const baseName = (name: string) => name.split(/[\\/]/).filter(Boolean).pop() ?? name;

/**
 * Uploaded files as importer sources; a .zip is opened in memory with limits on
 * entry count and uncompressed size, so a zip bomb is refused, not expanded.
 */
export async function sourcesFromUpload(files: File[]): Promise<SourceFile[]> {
  const sources: SourceFile[] = [];
  for (const file of files) {
    if (extensionOf(file.name) !== 'zip') {
      if (file.size > MAX_FILE_BYTES) sources.push(rejected(file.name, 'file is larger than 25 MB'));
      else sources.push({ name: baseName(file.name), read: async () => new Uint8Array(await file.arrayBuffer()) });
      continue;
    }
    let total = 0;
    let count = 0;
    let refusal: string | null = null;
    const entries = unzipSync(new Uint8Array(await file.arrayBuffer()), {
      filter: (entry) => {
        const skip = entry.name.endsWith('/') || baseName(entry.name).startsWith('.') || /(^|\/)__MACOSX\//.test(entry.name);
        if (skip || !IMPORTABLE_EXTENSIONS.includes(extensionOf(entry.name))) return false;
        count++;
        total += entry.originalSize;
        if (count > MAX_ENTRIES) refusal = `more than ${MAX_ENTRIES} files`;
        else if (entry.originalSize > MAX_FILE_BYTES) refusal = `${entry.name} unpacks to more than 25 MB`;
        else if (total > MAX_TOTAL_BYTES) refusal = 'unpacks to more than 200 MB';
        return !refusal;
      },
    });
    if (refusal) {
      sources.push(rejected(file.name, `zip refused: ${refusal}`));
      continue;
    }
    for (const [name, bytes] of Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))) {
      sources.push({ name: `${file.name}/${baseName(name)}`, read: async () => bytes });
    }
  }
  return sources;
}
