import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';

/** A zip, or one of its entries, that cannot be read as it claims to be. */
export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  directory: boolean;
  /** What the central directory claims; inflating checks both against the real bytes. */
  size: number;
  crc: number;
  compressedSize: number;
  method: number;
  flags: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_32 = 0xffffffff;

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Windows zips of Chinese file names carry GBK without the UTF-8 flag.
const gb18030 = new TextDecoder('gb18030');

function decodeName(bytes: Uint8Array, flags: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return flags & 0x800 ? new TextDecoder().decode(bytes) : gb18030.decode(bytes);
  }
}

/** Sizes and offset that did not fit 32 bits sit in the ZIP64 extra field, in this order. */
function zip64Fields(view: DataView, start: number, end: number, wanted: number): number[] {
  for (let at = start; at + 4 <= end; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let i = 0; i < wanted && 8 * (i + 1) <= length; i++) values.push(Number(view.getBigUint64(at + 4 + 8 * i, true)));
      if (values.length === wanted) return values;
      break;
    }
    at += 4 + length;
  }
  throw new ZipError('ZIP64 条目没有可读的大小字段');
}

/** The entries the central directory lists, without inflating anything. Throws ZipError for a zip that is not one. */
export function listEntries(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('不是 zip 文件（没有中央目录结尾）');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === MAX_32) throw new ZipError('不支持 ZIP64 压缩包（超过 65,535 个条目或 4 GB）');
  if (at + size > end) throw new ZipError('中央目录超出文件范围（被截断或已损坏）');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw new ZipError('中央目录已损坏');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    if (at + 46 + nameLength + extraLength > end) throw new ZipError('中央目录已损坏');
    const name = decodeName(zip.subarray(at + 46, at + 46 + nameLength), flags);
    let [size, compressedSize, localOffset] = [view.getUint32(at + 24, true), view.getUint32(at + 20, true), view.getUint32(at + 42, true)];
    const wide = [size, compressedSize, localOffset].filter((v) => v === MAX_32).length;
    if (wide) {
      const values = zip64Fields(view, at + 46 + nameLength, at + 46 + nameLength + extraLength, wide);
      if (size === MAX_32) size = values.shift()!;
      if (compressedSize === MAX_32) compressedSize = values.shift()!;
      if (localOffset === MAX_32) localOffset = values.shift()!;
    }
    entries.push({
      name,
      directory: name.endsWith('/'),
      size,
      crc: view.getUint32(at + 16, true),
      compressedSize,
      method: view.getUint16(at + 10, true),
      flags,
      localOffset,
    });
    at += 46 + nameLength + extraLength + view.getUint16(at + 32, true);
  }
  return entries;
}

function compressedData(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = entry.localOffset;
  if (at + 30 > zip.length || view.getUint32(at, true) !== LOCAL) throw new ZipError('缺少本地文件头（zip 已损坏）');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > zip.length) throw new ZipError('数据超出 zip 末尾（被截断）');
  return zip.subarray(start, start + entry.compressedSize);
}

/**
 * Deflate never expands more than ~1,032 times, so an input slice of n bytes yields at
 * most ~1,032·n. Slices are sized so that one push ends within OVERSHOOT of the size the
 * header claims: a lying header costs at most that much, and honest files take few
 * pushes (each push of fflate's Inflate has a fixed cost).
 */
const MAX_RATIO = 1032;
const OVERSHOOT = 1024 * 1024;
const SLICE_MIN = 1024;
const SLICE_MAX = 64 * 1024;
/** Inflating yields to the event loop this often, so readers are not kept waiting. */
const YIELD_EVERY = 4 * 1024 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One zip's reading so far: what it may still inflate, and whether a header was caught lying. */
export interface ZipReading {
  /** Bytes the zip may still inflate: every byte counts, those past a lying header included. */
  left: number;
  sinceYield: number;
  /** The first entry found holding more than its header claims: the zip is tampered, nothing more is read. */
  liar?: string;
}

export const startReading = (limit: number): ZipReading => ({ left: limit, sinceYield: 0 });

/**
 * Inflates one entry, counting real bytes as they come: it stops as soon as the
 * output passes the size the header claims or the zip's budget runs out, and
 * checks the real size and CRC-32 at the end. A lying header costs at most about
 * OVERSHOOT beyond its claim, and no other entry of that zip is inflated after it.
 * Throws ZipError.
 */
export async function readEntry(zip: Uint8Array, entry: ZipEntry, reading: ZipReading): Promise<Uint8Array> {
  if (reading.liar) throw new ZipError(`未读取：zip 的文件头不实（${reading.liar} 的内容多于其文件头所说）`);
  if (entry.flags & 0x1) throw new ZipError('已加密');
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`不支持其压缩方式（${entry.method}）`);
  if (entry.size > reading.left) throw new ZipError('zip 解压后超过上限');
  const data = compressedData(zip, entry);
  const out = new Uint8Array(entry.size);
  let produced = 0;
  let overflow = false;
  const take = (chunk: Uint8Array) => {
    reading.left -= chunk.length;
    reading.sinceYield += chunk.length;
    if (produced + chunk.length > entry.size) overflow = true;
    else out.set(chunk, produced);
    produced += chunk.length;
  };
  if (entry.method === 0) take(data);
  else {
    const inflate = new Inflate(take);
    for (let at = 0; at < data.length && !overflow && reading.left >= 0; ) {
      const slice = Math.min(SLICE_MAX, Math.max(SLICE_MIN, Math.floor((entry.size - produced + OVERSHOOT) / MAX_RATIO)));
      try {
        inflate.push(data.subarray(at, at + slice), at + slice >= data.length);
      } catch (error) {
        throw new ZipError(`压缩数据已损坏（${(error as Error).message})`);
      }
      at += slice;
      if (reading.sinceYield >= YIELD_EVERY) {
        reading.sinceYield = 0;
        await nextTurn();
      }
    }
    if (!data.length) throw new ZipError('压缩数据为空');
  }
  if (overflow) {
    reading.liar = entry.name;
    throw new ZipError(`内容多于文件头所说的 ${entry.size} 字节（被篡改或已损坏）`);
  }
  if (reading.left < 0) throw new ZipError('zip 解压后超过上限');
  if (produced !== entry.size) throw new ZipError(`内容为 ${produced} 字节，而不是文件头所说的 ${entry.size} 字节（被篡改或已损坏）`);
  if ((crc32(out) >>> 0) !== entry.crc) throw new ZipError('CRC-32 校验不符（被篡改或已损坏）');
  return out;
}
