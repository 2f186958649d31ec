import { ContentError } from '@/lib/content/errors';
import type { SourceFile } from '@/lib/content/files';
import { decodeText } from '@/lib/content/parse';
import { db } from '@/lib/db';
import { analyzeAfterBulkWrite } from '@/lib/db/statistics';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import { EditConflictError } from '@/lib/posts/errors';
import { writeImportedPosts, type ImportedPostWrite } from '@/lib/posts/import-write';
import type { SavedPost } from '@/lib/posts/mutations';
import { revalidatePosts } from '@/lib/posts/write';
import { renderWithBudget } from '@/lib/render/budget';
import type { RenderedBody } from '@/lib/render/render';
import { noSpellings, type Spellings } from '@/lib/terms/names';
import { withCanonicalTerms } from '@/lib/terms/rows';
import type { PostSnapshot } from '@/lib/validations/post';
import { decide, preloadedFinder, prepare, type Prepared } from './decide';
import { importedSourceHashes, sha256 } from './known-sources';
import { countResults, failure, type ImportReport, type ImportResult } from './report';

export interface ImportOptions {
  /** Replace posts that editors changed since their last import. */
  force?: boolean;
  /** The editor who ran the import (the admin's upload); null for the CLI. */
  authorId?: number | null;
  onProgress?: (done: number, total: number) => void;
  /** Compiles bodies; by default on the process's shared worker pool, behind editors' work (lib/render/budget.ts). */
  render?: Render;
}

type Render = (format: PostSnapshot['format'], body: string, title: string, options?: { interactive?: boolean; segment?: boolean }) => Promise<RenderedBody>;
const renderInBackground: Render = renderWithBudget;

/** Files read, checked and compiled a chunk at a time; each chunk written in one transaction. */
const CHUNK_SIZE = 50;

interface Run {
  force: boolean;
  authorId: number | null;
  render: Render;
  results: ImportResult[];
  /** Which file claimed each slug and artid this run: two files may not write one post. */
  claimed: Map<string, string>;
  spellings: Spellings;
  /** Settles when the last chunk's term spellings are. */
  spelled: Promise<unknown>;
}

interface Entry {
  index: number;
  item: Prepared;
}

type Ready = Entry & { write: ImportedPostWrite };

/** An import's revision keeps the file it read; that is what marks it an import. */
const importMeta = (item: Prepared, authorId: number | null) => ({ authorId, message: `从 ${item.file} 导入`, sourceText: item.sourceText });

function claim(run: Run, file: string, slug: string, sourceId: string | null) {
  const keys = [`slug "${slug}"`, ...(sourceId ? [`artid ${sourceId}`] : [])];
  const clash = keys.find((key) => run.claimed.has(key));
  if (clash) throw new ContentError(`重复的 ${clash}：也出现在 ${run.claimed.get(clash)}`);
  keys.forEach((key) => run.claimed.set(key, file));
}

type Read = { bytes: Uint8Array; text: string | null; hash: string | null } | { error: unknown };

async function readSource(source: SourceFile): Promise<Read> {
  try {
    const bytes = await source.read();
    let text: string | null = null;
    try {
      text = decodeText(bytes);
    } catch {
      // parsePostFile says what is wrong, in its order of checks.
    }
    return { bytes, text, hash: text === null ? null : sha256(text) };
  } catch (error) {
    return { error };
  }
}

const readFiles = (chunk: SourceFile[]) => Promise.all(chunk.map((source) => (source.skip === undefined ? readSource(source) : null)));

/** Parses a chunk's files as read; a file whose text its post was last imported from is settled unparsed (one query for the chunk). */
async function parseChunk(run: Run, chunk: SourceFile[], start: number, reads: (Read | null)[]): Promise<Entry[]> {
  const known = await importedSourceHashes(reads.flatMap((read) => (read && 'hash' in read && read.hash ? [read.hash] : [])));
  const parsed: Entry[] = [];
  for (const [offset, source] of chunk.entries()) {
    const index = start + offset;
    const read = reads[offset];
    if (!read) {
      run.results[index] = { file: source.name, status: 'skipped', reason: source.skip };
      continue;
    }
    try {
      if ('error' in read) throw read.error;
      const same = read.hash === null ? undefined : known.get(read.hash);
      if (same) {
        claim(run, source.name, same.slug, same.sourceId);
        run.results[index] = { file: source.name, status: 'unchanged', postId: same.id, slug: same.slug };
        continue;
      }
      const item = prepare(source.name, read.bytes, read.text ?? '');
      claim(run, source.name, item.snapshot.slug, item.snapshot.sourceId);
      parsed.push({ index, item });
    } catch (error) {
      run.results[index] = failure(source.name, error);
    }
  }
  return parsed;
}

/** Canonical term spellings, what each file would do, then its body compiled: the writes a chunk is left with. */
async function prepareWrites(run: Run, entries: Entry[]): Promise<Ready[]> {
  if (!entries.length) return [];
  // Chunks overlap: their spellings are still settled in file order, so the first spelling met wins.
  const canonicalised = run.spelled.then(() => withCanonicalTerms(db, entries.map((e) => e.item.snapshot), run.spellings));
  run.spelled = canonicalised.catch(() => undefined);
  const snapshots = await canonicalised;
  const canonical = entries.map((entry, i) => ({ ...entry, item: { ...entry.item, snapshot: snapshots[i]! } }));
  const find = await preloadedFinder(snapshots);
  const decided: (Entry & { existing: ImportedPostWrite['existing'] })[] = [];
  for (const entry of canonical) {
    try {
      const decision = await decide(entry.item, run.force, find);
      if (decision.action === 'skip') run.results[entry.index] = decision.result;
      else decided.push({ ...entry, existing: decision.existing });
    } catch (error) {
      run.results[entry.index] = failure(entry.item.file, error);
    }
  }
  // Compiled outside the transaction: only changed posts pay for it.
  const compiled = await Promise.all(
    decided.map(async ({ index, item, existing }) => {
      try {
        // Behind editors' work; the worker also segments the text for search.
        const rendered = await run.render(item.snapshot.format, item.snapshot.body, item.snapshot.title, { interactive: false, segment: true });
        return [{ index, item, write: { snapshot: item.snapshot, existing, rendered, meta: importMeta(item, run.authorId) } }];
      } catch (error) {
        run.results[index] = failure(item.file, error);
        return [];
      }
    }),
  );
  return compiled.flat();
}

function isRetryable(error: unknown): boolean {
  return error instanceof EditConflictError || (error instanceof Prisma.PrismaClientKnownRequestError && ['P2002', 'P2034'].includes(error.code));
}

function settle(run: Run, { index, item }: Entry, saved: SavedPost, existing: boolean) {
  run.results[index] = { file: item.file, status: existing ? 'updated' : 'imported', postId: saved.id, slug: saved.slug, affected: saved.affected };
}

/** A post that failed in its chunk, imported on its own with a fresh look at the database; another writer in between means look again. */
async function importAlone(run: Run, entry: Entry): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    let error: unknown;
    try {
      const [ready] = await prepareWrites({ ...run, spellings: noSpellings() }, [entry]);
      if (!ready) return;
      const [outcome] = await writeImportedPosts([ready.write]);
      if (outcome && 'saved' in outcome) return settle(run, entry, outcome.saved, ready.write.existing !== null);
      error = outcome?.error;
    } catch (thrown) {
      error = thrown;
    }
    if (attempt < 3 && isRetryable(error)) continue;
    run.results[entry.index] = failure(entry.item.file, error);
    return;
  }
}

/** Writes a chunk in one transaction; each post that failed in it is imported again on its own. */
async function writeChunk(run: Run, ready: Ready[]): Promise<void> {
  const outcomes = await writeImportedPosts(ready.map((r) => r.write));
  for (const [i, entry] of ready.entries()) {
    const outcome = outcomes[i]!;
    if ('saved' in outcome) settle(run, entry, outcome.saved, entry.write.existing !== null);
    else await importAlone(run, entry);
  }
}

/**
 * Imports post files, keyed by source id (artid) or slug, then revalidates the
 * public pages they touched. A broken file is reported with its reason and never
 * stops the others; a file whose text is what its post was last imported from is
 * skipped without being parsed.
 */
export async function importSources(sources: SourceFile[], options: ImportOptions = {}): Promise<ImportReport> {
  const run: Run = {
    force: options.force ?? false,
    authorId: options.authorId ?? null,
    render: options.render ?? renderInBackground,
    results: [],
    claimed: new Map(),
    spellings: noSpellings(),
    spelled: Promise.resolve(),
  };
  let done = 0;
  let writing = Promise.resolve();
  let compiling: { chunk: SourceFile[]; ready: Promise<Ready[]> } | null = null;
  // One chunk is written while the next compiles on the workers and the one after is read and parsed here.
  const write = async (previous: typeof compiling) => {
    if (!previous) return;
    const ready = await previous.ready;
    await writing;
    writing = writeChunk(run, ready).then(() => {
      for (let i = 0; i < previous.chunk.length; i++) options.onProgress?.(++done, sources.length);
    });
  };
  try {
    let reading = readFiles(sources.slice(0, CHUNK_SIZE));
    for (let start = 0; start < sources.length; start += CHUNK_SIZE) {
      const chunk = sources.slice(start, start + CHUNK_SIZE);
      const reads = await reading;
      reading = readFiles(sources.slice(start + CHUNK_SIZE, start + 2 * CHUNK_SIZE));
      const entries = await parseChunk(run, chunk, start, reads);
      const ready = prepareWrites(run, entries);
      // Settled if never awaited (an earlier chunk's write threw): a rejection is not left unhandled.
      ready.catch(() => undefined);
      await write(compiling);
      compiling = { chunk, ready };
    }
    await write(compiling);
    await writing;
  } finally {
    await writing.catch(() => undefined);
  }
  const counts = countResults(run.results);
  // Before the pages are expired: their next renders plan with the new table sizes.
  await analyzeAfterBulkWrite(counts.imported + counts.updated);
  const warning = await revalidatePosts(run.results.flatMap((r) => (r.affected ? [r.affected] : [])));
  return { results: run.results, counts, ...(warning && { warning }) };
}
