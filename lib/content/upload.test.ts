import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { deflateSync, strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SourceFile } from './files';
import { sourcesFromUpload } from './upload';
import { listEntries, readEntry, startReading } from './zip';

const inflated = vi.hoisted(() => ({ bytes: 0 }));
// Counts what is really inflated, to prove refusals come before the work.
vi.mock('fflate', async (importOriginal) => {
  const fflate = await importOriginal<typeof import('fflate')>();
  class CountingInflate extends fflate.Inflate {
    constructor(cb: (chunk: Uint8Array, final: boolean) => void) {
      super((chunk, final) => {
        inflated.bytes += chunk.length;
        cb(chunk, final);
      });
    }
  }
  return { ...fflate, Inflate: CountingInflate };
});

beforeEach(() => {
  inflated.bytes = 0;
});

const file = (name: string, bytes: Uint8Array) => new File([Buffer.from(bytes)], name);
const post = (title: string, body = '正文') => strToU8(`---\ntitle: ${title}\n---\n${body}\n`);
const text = async (source: SourceFile) => new TextDecoder().decode(await source.read());

/** Each read, settled: the bytes as text, or the reason it was refused. */
async function readAll(sources: SourceFile[]) {
  return Promise.all(
    sources.map(async (s) => {
      const outcome = await text(s).then(
        (t): { text?: string; error?: string } => ({ text: t }),
        (e: Error): { text?: string; error?: string } => ({ error: e.message }),
      );
      return { name: s.name, skip: s.skip, ...outcome };
    }),
  );
}

/** Offsets of every local (PK\3\4) and central (PK\1\2) header in a zip. */
function headers(zip: Uint8Array) {
  const local: number[] = [];
  const central: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 3 && zip[i + 3] === 4) local.push(i);
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2) central.push(i);
  }
  return { local, central };
}

/** Rewrites a 32-bit field of the n-th entry in both its local and its central header. */
function tamper(zip: Uint8Array, entry: number, field: 'crc' | 'size', value: (old: number) => number) {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const { local, central } = headers(out);
  const [localAt, centralAt] = field === 'crc' ? [14, 16] : [22, 24];
  view.setUint32(local[entry]! + localAt, value(view.getUint32(local[entry]! + localAt, true)) >>> 0, true);
  view.setUint32(central[entry]! + centralAt, value(view.getUint32(central[entry]! + centralAt, true)) >>> 0, true);
  return out;
}

/** A zip of `count` copies of one deflated entry, written by hand: zipSync would deflate every copy. */
function repeatedZip(count: number, content: Uint8Array, claimed = content.length): Uint8Array {
  const data = deflateSync(content);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const name = strToU8(`post-${i}.md`);
    const local = new DataView(new ArrayBuffer(30));
    const entry = new DataView(new ArrayBuffer(46));
    for (const [view, sig, base] of [[local, 0x04034b50, 4], [entry, 0x02014b50, 6]] as const) {
      view.setUint32(0, sig, true);
      view.setUint16(base + 4, 8, true);
      view.setUint32(base + 10, crc32(content), true);
      view.setUint32(base + 14, data.length, true);
      view.setUint32(base + 18, claimed, true);
      view.setUint16(base + 22, name.length, true);
    }
    entry.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), name, data);
    central.push(new Uint8Array(entry.buffer), name);
    offset += 30 + name.length + data.length;
  }
  const size = central.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, count, true);
  end.setUint16(10, count, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  return new Uint8Array(Buffer.concat([...parts, ...central, new Uint8Array(end.buffer)]));
}

describe('sourcesFromUpload', () => {
  it('opens a zip in memory, keeping post files only and never a path', async () => {
    const zip = zipSync({
      '../../etc/2024-01-01-escape.md': strToU8('---\ntitle: x\n---\n'),
      'posts/2024-12-20-ollama-local-deploy.txt': readFileSync('content/2024-12-20-ollama-local-deploy.txt'),
      '__MACOSX/._junk.md': strToU8('junk'),
      'posts/': new Uint8Array(0),
    });
    const sources = await sourcesFromUpload([file('batch.zip', zip), file('single.md', strToU8('---\ntitle: y\n---\n'))]);
    expect(sources.map((s) => s.name)).toEqual(['batch.zip/2024-01-01-escape.md', 'batch.zip/2024-12-20-ollama-local-deploy.txt', 'single.md']);
    expect(await text(sources[1]!)).toContain('Ollama');
  });

  it('names every skipped entry: other extensions and hidden files skipped, a nested archive failed', async () => {
    const inner = zipSync({ '2024-01-01-inner.md': post('inner') });
    const zip = zipSync({ 'a.md': post('a'), 'notes.docx': strToU8('no'), '.DS_Store': strToU8('x'), 'more/inner.zip': inner });
    const results = await readAll(await sourcesFromUpload([file('batch.zip', zip)]));
    expect(results).toEqual([
      { name: 'batch.zip/.DS_Store', skip: '隐藏文件，未导入', error: '隐藏文件，未导入' },
      { name: 'batch.zip/a.md', skip: undefined, text: expect.stringContaining('title: a') },
      { name: 'batch.zip/inner.zip', skip: undefined, error: expect.stringMatching(/zip 中的压缩包不会被打开/) },
      { name: 'batch.zip/notes.docx', skip: '不是文章文件（.docx），未导入', error: expect.any(String) },
    ]);
  });

  it('stops an entry whose header understates its size near its claim, and reads nothing more of that zip', async () => {
    const big = strToU8('大'.repeat(2_000_000)); // 6 MB that compresses to a few KB
    const zip = tamper(zipSync({ 'a.md': post('a'), 'b.md': big, 'c.md': post('c') }), 1, 'size', () => 200);
    const [a, b, c] = await readAll(await sourcesFromUpload([file('lie.zip', zip)]));
    expect(a!.text).toContain('title: a');
    expect(b!.error).toMatch(/zip 中的 b\.md：内容多于文件头所说的 200 字节/);
    expect(inflated.bytes).toBeLessThan(2 * 1024 * 1024);
    expect(c!.error).toMatch(/zip 中的 c\.md：未读取：zip 的文件头不实（b\.md/);
  });

  it('refuses an entry whose header overstates its size', async () => {
    const zip = tamper(zipSync({ 'a.md': post('a', 'x'.repeat(1000)) }), 0, 'size', (old) => old + 10);
    const [a] = await readAll(await sourcesFromUpload([file('lie.zip', zip)]));
    expect(a!.error).toMatch(/内容为 \d+ 字节，而不是文件头所说的 \d+ 字节/);
  });

  it.each([0, 9])('refuses an entry whose CRC-32 does not match (compression level %i)', async (level) => {
    const zip = tamper(zipSync({ 'a.md': post('a'), 'b.md': post('b') }, { level: level as 0 | 9 }), 0, 'crc', (old) => old ^ 1);
    const [a, b] = await readAll(await sourcesFromUpload([file('crc.zip', zip)]));
    expect(a!.error).toMatch(/zip 中的 a\.md：CRC-32 校验不符/);
    expect(b!.text).toContain('title: b');
  });

  it('reports a corrupt zip as one failed line and keeps the other uploaded files', async () => {
    const good = zipSync({ 'a.md': post('a') });
    const truncated = good.slice(0, good.length - 30);
    const garbage = strToU8('PK this is not a zip at all');
    const results = await readAll(await sourcesFromUpload([file('cut.zip', truncated), file('junk.zip', garbage), file('ok.md', post('ok'))]));
    expect(results).toEqual([
      { name: 'cut.zip', skip: undefined, error: expect.stringMatching(/^无法读取 zip：/) },
      { name: 'junk.zip', skip: undefined, error: expect.stringMatching(/^无法读取 zip：/) },
      { name: 'ok.md', skip: undefined, text: expect.stringContaining('title: ok') },
    ]);
  });

  it('fails an entry whose compressed data is corrupt, and keeps its neighbours', async () => {
    const zip = zipSync({ 'a.md': post('a', '内容'.repeat(500)), 'b.md': post('b') });
    const { local } = headers(zip);
    const broken = zip.slice();
    for (let i = local[0]! + 40; i < local[0]! + 60; i++) broken[i] = 0xff;
    const [a, b] = await readAll(await sourcesFromUpload([file('bad.zip', broken)]));
    expect(a!.error).toMatch(/zip 中的 a\.md：/);
    expect(b!.text).toContain('title: b');
  });

  it('refuses a zip bomb without expanding it', async () => {
    const bomb = zipSync({ '2024-01-01-bomb.md': new Uint8Array(30 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const [source] = await sourcesFromUpload([file('bomb.zip', bomb)]);
    await expect(source!.read()).rejects.toThrow(/解压后 30 MB，上限 25 MB/);
    expect(inflated.bytes).toBe(0);
  });

  it('reads no entry after the first of 300 that claim 1 KB but hold 1 MB', async () => {
    const results = await readAll(await sourcesFromUpload([file('liars.zip', repeatedZip(300, new Uint8Array(1024 * 1024), 1024))]));
    expect(results[0]!.error).toMatch(/内容多于文件头所说的 1024 字节/);
    expect(results.slice(1).filter((r) => !/未读取：zip 的文件头不实/.test(r.error ?? ''))).toEqual([]);
    expect(inflated.bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('charges every inflated byte to the zip\'s budget, and refuses entries once it is spent', async () => {
    const zip = repeatedZip(3, strToU8('正文'.repeat(100_000)));
    const entries = listEntries(zip);
    const reading = startReading(1_000_000);
    const outcomes = [];
    for (const entry of entries) outcomes.push(await readEntry(zip, entry, reading).then(() => 'read', (e: Error) => e.message));
    expect(outcomes).toEqual(['read', 'zip 解压后超过上限', 'zip 解压后超过上限']);
    // The third is refused before inflating anything: the budget was already spent.
    expect(inflated.bytes).toBeLessThan(1_000_000 + 1_100_000);
  });

  it('refuses 300 entries of 1 MB before inflating any of them', async () => {
    const zip = repeatedZip(300, new Uint8Array(1024 * 1024));
    const sources = await sourcesFromUpload([file('many.zip', zip), file('ok.md', post('ok'))]);
    expect(sources.map((s) => s.name)).toEqual(['many.zip', 'ok.md']);
    await expect(sources[0]!.read()).rejects.toThrow(/拒绝此 zip：解压后 300 MB，超过 200 MB/);
    expect(inflated.bytes).toBe(0);
    // The same zip, within the budget, imports: the refusal was the budget's.
    const fine = await sourcesFromUpload([file('few.zip', repeatedZip(3, new Uint8Array(1024 * 1024)))]);
    expect((await fine[2]!.read()).length).toBe(1024 * 1024);
  });
});
