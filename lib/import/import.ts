import { ContentError } from '@/lib/content/errors';
import type { SourceFile } from '@/lib/content/files';
import { decodeText } from '@/lib/content/parse';
import { db } from '@/lib/db';
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
import { importedSourceHashes, sha256, type ImportedPost } from './known-sources';
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

type Render = (format: PostSnapshot['format'], body: string, title: string) => Promise<RenderedBody>;
const renderInBackground: Render = (format, body, title) => renderWithBudget(format, body, title, { interactive: false });

/** Files read, checked and compiled a chunk at a time; each chunk written in one transaction. */
const CHUNK_SIZE = 50;
/** Below this many files, hashing every imported post's source costs more than it saves. */
const PREFETCH_MIN_FILES = 50;

interface Run {
  force: boolean;
  authorId: number | null;
  render: Render;
  results: ImportResult[];
  /** Which file claimed each slug and artid this run: two files may not write one post. */
  claimed: Map<string, string>;
  known: Map<string, ImportedPost>;
  spellings: Spellings;
}

interface Entry {
  index: number;
  item: Prepared;
}

/** An import's revision keeps the file it read; that is what marks it an import. */
const importMeta = (item: Prepared, authorId: number | null) => ({ authorId, message: `从 ${item.file} 导入`, sourceText: item.sourceText });

function claim(run: Run, file: string, slug: string, sourceId: string | null) {
  const keys = [`slug "${slug}"`, ...(sourceId ? [`artid ${sourceId}`] : [])];
  const clash = keys.find((key) => run.claimed.has(key));
  if (clash) throw new ContentError(`重复的 ${clash}：也出现在 ${run.claimed.get(clash)}`);
  keys.forEach((key) => run.claimed.set(key, file));
}

/** Reads and parses a chunk's files; a file whose text its post was last imported from is settled unparsed. */
async function readChunk(run: Run, chunk: SourceFile[], start: number): Promise<Entry[]> {
  const parsed: Entry[] = [];
  for (const [offset, source] of chunk.entries()) {
    const index = start + offset;
    if (source.skip !== undefined) {
      run.results[index] = { file: source.name, status: 'skipped', reason: source.skip };
      continue;
    }
    try {
      const bytes = await source.read();
      let text: string | null = null;
      try {
        text = decodeText(bytes);
      } catch {
        // parsePostFile says what is wrong, in its order of checks.
      }
      const same = text === null ? undefined : run.known.get(sha256(text));
      if (same) {
        claim(run, source.name, same.slug, same.sourceId);
        run.results[index] = { file: source.name, status: 'unchanged', postId: same.id, slug: same.slug };
        continue;
      }
      const item = prepare(source.name, bytes, text ?? '');
      claim(run, source.name, item.snapshot.slug, item.snapshot.sourceId);
      parsed.push({ index, item });
    } catch (error) {
      run.results[index] = failure(source.name, error);
    }
  }
  return parsed;
}

/** Canonical term spellings, what each file would do, then its body compiled: the writes a chunk is left with. */
async function prepareWrites(run: Run, entries: Entry[]): Promise<(Entry & { write: ImportedPostWrite })[]> {
  const snapshots = await withCanonicalTerms(db, entries.map((e) => e.item.snapshot), run.spellings);
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
        const rendered = await run.render(item.snapshot.format, item.snapshot.body, item.snapshot.title);
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
async function writeChunk(run: Run, ready: (Entry & { write: ImportedPostWrite })[]): Promise<void> {
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
    known: sources.length >= PREFETCH_MIN_FILES ? await importedSourceHashes() : new Map(),
    spellings: noSpellings(),
  };
  let done = 0;
  let writing = Promise.resolve();
  try {
    for (let start = 0; start < sources.length; start += CHUNK_SIZE) {
      const chunk = sources.slice(start, start + CHUNK_SIZE);
      const ready = await prepareWrites(run, await readChunk(run, chunk, start));
      // This chunk was read and compiled while the previous one was written.
      await writing;
      writing = writeChunk(run, ready).then(() => {
        for (let i = 0; i < chunk.length; i++) options.onProgress?.(++done, sources.length);
      });
    }
    await writing;
  } finally {
    await writing.catch(() => undefined);
  }
  const warning = await revalidatePosts(run.results.flatMap((r) => (r.affected ? [r.affected] : [])));
  return { results: run.results, counts: countResults(run.results), ...(warning && { warning }) };
}
