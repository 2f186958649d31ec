import type { SourceFile } from './files';
import { extensionOf, IMPORTABLE_EXTENSIONS } from './parse';
import { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, megabytes } from './upload-limits';
import { listEntries, readEntry, startReading, ZipError, type ZipEntry } from './zip';

const ARCHIVES = ['zip', '7z', 'rar', 'tar', 'gz', 'tgz', 'bz2', 'xz'];

const failing = (name: string, reason: string): SourceFile => ({ name, read: () => Promise.reject(new Error(reason)) });
const skipped = (name: string, reason: string): SourceFile => ({ name, skip: reason, read: () => Promise.reject(new Error(reason)) });

/** Only the base name: entry paths are for messages, never for the file system. */
const baseName = (name: string) => name.split(/[\\/]/).filter(Boolean).pop() ?? name;

/** Directories and macOS resource forks are not files anyone chose: left out without a line. */
const isNoise = (entry: ZipEntry) => entry.directory || /(^|\/)__MACOSX\//.test(entry.name);

/** Why an entry will not be imported, or null for a post file. */
function skipReason(entry: ZipEntry): { failed: boolean; reason: string } | null {
  const extension = extensionOf(entry.name);
  if (ARCHIVES.includes(extension)) return { failed: true, reason: 'zip 中的压缩包不会被打开：请单独上传' };
  if (baseName(entry.name).startsWith('.')) return { failed: false, reason: '隐藏文件，未导入' };
  if (!IMPORTABLE_EXTENSIONS.includes(extension)) return { failed: false, reason: `不是文章文件（.${extension || '无扩展名'}），未导入` };
  return null;
}

function sourcesFromZip(zipName: string, zip: Uint8Array): SourceFile[] {
  let entries: ZipEntry[];
  try {
    entries = listEntries(zip).filter((entry) => !isNoise(entry));
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    return [failing(zipName, `无法读取 zip：${error.message}`)];
  }
  const posts = entries.filter((entry) => !skipReason(entry));
  // Refused on the headers' word, before inflating anything; readEntry holds each entry to its header.
  const declared = posts.reduce((sum, entry) => sum + entry.size, 0);
  if (posts.length > MAX_ZIP_ENTRIES) return [failing(zipName, `拒绝此 zip：文章文件超过 ${MAX_ZIP_ENTRIES} 个`)];
  if (declared > MAX_UNZIPPED_BYTES) return [failing(zipName, `拒绝此 zip：解压后 ${megabytes(declared)}，超过 ${megabytes(MAX_UNZIPPED_BYTES)}`)];

  // Counted while inflating: entries whose headers understate their size spend it too.
  const reading = startReading(MAX_UNZIPPED_BYTES);
  const read = async (entry: ZipEntry) => {
    if (entry.size > MAX_FILE_BYTES) throw new Error(`解压后 ${megabytes(entry.size)}，上限 ${megabytes(MAX_FILE_BYTES)}`);
    try {
      return await readEntry(zip, entry, reading);
    } catch (error) {
      throw error instanceof ZipError ? new Error(`zip 中的 ${entry.name}：${error.message}`) : error;
    }
  };
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => {
      const name = `${zipName}/${baseName(entry.name)}`;
      const skip = skipReason(entry);
      if (skip) return skip.failed ? failing(name, skip.reason) : skipped(name, skip.reason);
      return { name, read: () => read(entry) };
    });
}

/**
 * Uploaded files as importer sources. A .zip is listed from its central directory
 * and each post file in it inflated only when the importer reads it, against its
 * CRC and size (see readEntry) and the zip's 200 MB budget. A zip that cannot be
 * read, or an archive inside one, is one failed line; the other files import.
 */
export async function sourcesFromUpload(files: File[]): Promise<SourceFile[]> {
  const sources: SourceFile[] = [];
  for (const file of files) {
    if (extensionOf(file.name) !== 'zip') {
      if (file.size > MAX_FILE_BYTES) sources.push(failing(file.name, `文件 ${megabytes(file.size)}，上限 ${megabytes(MAX_FILE_BYTES)}`));
      else sources.push({ name: baseName(file.name), read: async () => new Uint8Array(await file.arrayBuffer()) });
      continue;
    }
    sources.push(...sourcesFromZip(file.name, new Uint8Array(await file.arrayBuffer())));
  }
  return sources;
}
