import { createHash } from 'node:crypto';
import type { Affected } from '@/lib/cache/revalidate';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import { DuplicatePostError, EditConflictError } from '@/lib/posts/errors';
import { createPost, updatePost } from '@/lib/posts/mutations';
import { contentHash } from '@/lib/posts/snapshot';
import { canonicalTermNames, type TermKind } from '@/lib/posts/terms';
import { RenderError } from '@/lib/render/errors';
import { renderWithBudget } from '@/lib/render/budget';
import type { RenderedBody } from '@/lib/render/render';
import type { PostSnapshot } from '@/lib/validations/post';
import { ContentError } from './errors';
import type { SourceFile } from './files';
import { snapshotFromFrontMatter } from './front-matter';
import { decodeText, parsePostFile } from './parse';
import { termKey } from './terms';

export const IMPORT_STATUSES = ['imported', 'updated', 'unchanged', 'conflict', 'failed', 'skipped'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportResult {
  file: string;
  status: ImportStatus;
  postId?: number;
  slug?: string;
  /** Why a file failed, conflicted or was skipped. */
  reason?: string;
  /** Public pages the write touched, for revalidation. */
  affected?: Affected;
}

export interface ImportReport {
  results: ImportResult[];
  counts: Record<ImportStatus, number>;
}

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

interface Prepared {
  file: string;
  snapshot: PostSnapshot;
  sourceText: string;
}

type Reader = Pick<Prisma.TransactionClient, 'post' | 'slugRedirect'>;

function prepare(name: string, bytes: Uint8Array, sourceText: string): Prepared {
  const fileName = name.split(/[\\/]/).pop() ?? name;
  const parsed = parsePostFile(fileName, bytes);
  const snapshot = snapshotFromFrontMatter({ fileName, ...parsed });
  return { file: name, snapshot, sourceText };
}

type Found = { id: number; version: number; sourceId: string | null } | null;

/** Where decide() looks posts up: the database one query at a time, or a chunk's preloaded rows. */
interface Finder {
  bySource: (sourceId: string) => Promise<Found> | Found;
  bySlug: (slug: string) => Promise<Found> | Found;
  byRedirect: (slug: string) => Promise<Found> | Found;
}

const FOUND_SELECT = { id: true, version: true, sourceId: true, slug: true } as const;

function databaseFinder(tx: Reader): Finder {
  return {
    bySource: (sourceId) => tx.post.findUnique({ where: { sourceId }, select: FOUND_SELECT }),
    bySlug: (slug) => tx.post.findUnique({ where: { slug }, select: FOUND_SELECT }),
    byRedirect: async (slug) => (await tx.slugRedirect.findUnique({ where: { slug }, select: { post: { select: FOUND_SELECT } } }))?.post ?? null,
  };
}

/** The posts and redirects a chunk of snapshots could match, in two queries. */
async function preloadedFinder(snapshots: PostSnapshot[]): Promise<Finder> {
  const sourceIds = snapshots.flatMap((s) => (s.sourceId ? [s.sourceId] : []));
  const slugs = snapshots.map((s) => s.slug);
  const posts = await db.post.findMany({ where: { OR: [{ sourceId: { in: sourceIds } }, { slug: { in: slugs } }] }, select: FOUND_SELECT });
  const redirects = await db.slugRedirect.findMany({ where: { slug: { in: slugs } }, select: { slug: true, post: { select: FOUND_SELECT } } });
  const bySource = new Map(posts.flatMap((p) => (p.sourceId ? [[p.sourceId, p] as const] : [])));
  const bySlug = new Map(posts.map((p) => [p.slug, p]));
  const byRedirect = new Map(redirects.map((r) => [r.slug, r.post]));
  return {
    bySource: (sourceId) => bySource.get(sourceId) ?? null,
    bySlug: (slug) => bySlug.get(slug) ?? null,
    byRedirect: (slug) => byRedirect.get(slug) ?? null,
  };
}

async function findExisting(find: Finder, snapshot: PostSnapshot): Promise<Found> {
  if (snapshot.sourceId) {
    const bySource = await find.bySource(snapshot.sourceId);
    if (bySource) return bySource;
  }
  const bySlug = await find.bySlug(snapshot.slug);
  if (bySlug) {
    if (snapshot.sourceId && bySlug.sourceId && bySlug.sourceId !== snapshot.sourceId) {
      throw new DuplicatePostError(`slug "${snapshot.slug}" is already used by post #${bySlug.id} (artid ${bySlug.sourceId})`);
    }
    return bySlug;
  }
  return find.byRedirect(snapshot.slug);
}

type Decision =
  | { action: 'skip'; result: ImportResult }
  | { action: 'create' | 'update'; snapshot: PostSnapshot; existing: { id: number; version: number } | null };

/** Reads only: what importing this file would do. The write re-checks the version it saw. */
async function decide(item: Prepared, force: boolean, find: Finder = databaseFinder(db)): Promise<Decision> {
  const snapshot = item.snapshot;
  const existing = await findExisting(find, snapshot);
  if (!existing) return { action: 'create', snapshot, existing: null };
  const same = { file: item.file, postId: existing.id, slug: snapshot.slug };
  const hash = contentHash(snapshot);
  // An import is the revision that kept the file it read (source_text); who ran it is its author.
  const [latest] = await db.$queryRaw<{ number: number; authorId: number | null; contentHash: string; imported: boolean; email: string | null }[]>`
    SELECT r.number, r.author_id AS "authorId", r.content_hash AS "contentHash", r.source_text IS NOT NULL AS imported, u.email
    FROM revisions r LEFT JOIN users u ON u.id = r.author_id
    WHERE r.post_id = ${existing.id} ORDER BY r.number DESC LIMIT 1`;
  if (latest?.contentHash === hash) return { action: 'skip', result: { ...same, status: 'unchanged' } };
  // When the newest revision is itself an import, it is the last import, already compared.
  const lastImport =
    !latest || latest.imported
      ? null
      : await db.revision.findFirst({ where: { postId: existing.id, sourceText: { not: null } }, orderBy: { number: 'desc' }, select: { contentHash: true } });
  // The file has not changed since it was last imported: editors' later work stands.
  if (lastImport?.contentHash === hash) return { action: 'skip', result: { ...same, status: 'unchanged' } };
  if (latest && !latest.imported && !force) {
    const who = latest.email ?? (latest.authorId ? `user #${latest.authorId}` : 'a deleted user');
    const reason = `post #${existing.id} was edited in the admin since its last import (revision ${latest.number} by ${who}); use --force to replace it with this file`;
    return { action: 'skip', result: { ...same, status: 'conflict', reason } };
  }
  return { action: 'update', snapshot, existing };
}

async function withCanonicalTerms(item: Prepared): Promise<Prepared> {
  const snapshot = {
    ...item.snapshot,
    tags: await canonicalTermNames(db, 'tag', item.snapshot.tags),
    categories: await canonicalTermNames(db, 'category', item.snapshot.categories),
  };
  return { ...item, snapshot };
}

/** An import's revision keeps the file it read; that is what marks it an import. */
const importMeta = (item: Prepared, authorId: number | null) => ({ authorId, message: `Imported from ${item.file}`, sourceText: item.sourceText });

async function importOne(item: Prepared, force: boolean, authorId: number | null, render: Render): Promise<ImportResult> {
  const decision = await decide(await withCanonicalTerms(item), force);
  if (decision.action === 'skip') return decision.result;
  const { snapshot, existing } = decision;
  // Compile outside the transaction; only changed posts pay for it.
  const rendered = await render(snapshot.format, snapshot.body, snapshot.title);
  const meta = importMeta(item, authorId);
  const saved = await db.$transaction(
    (tx) => (existing ? updatePost(tx, existing.id, existing.version, snapshot, rendered, meta) : createPost(tx, snapshot, rendered, meta)),
    { timeout: 60_000, maxWait: 30_000 },
  );
  return { file: item.file, status: existing ? 'updated' : 'imported', postId: saved.id, slug: saved.slug, affected: saved.affected };
}

function isRetryable(error: unknown): boolean {
  return (
    error instanceof EditConflictError ||
    (error instanceof Prisma.PrismaClientKnownRequestError && ['P2002', 'P2034'].includes(error.code))
  );
}

async function importWithRetry(item: Prepared, force: boolean, authorId: number | null, render: Render): Promise<ImportResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await importOne(item, force, authorId, render);
    } catch (error) {
      // Another writer created or saved the same post between our read and our write: look again.
      if (attempt < 3 && isRetryable(error)) continue;
      throw error;
    }
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof ContentError || error instanceof DuplicatePostError) return error.message;
  if (error instanceof RenderError) return `body: ${error.message}`;
  if (error instanceof Error) return error.message.split('\n').filter(Boolean).pop() ?? error.name;
  return String(error);
}

function failure(file: string, error: unknown): ImportResult {
  return error instanceof EditConflictError
    ? { file, status: 'conflict', postId: error.postId, reason: `post #${error.postId} kept changing while this file was imported (someone was saving it); run the import again` }
    : { file, status: 'failed', reason: reasonOf(error) };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface ImportedPost {
  id: number;
  slug: string;
  sourceId: string | null;
}

/**
 * Posts whose newest revision is an import, by the SHA-256 of the file it read:
 * a file with the same text would change nothing, so a re-import skips it unread.
 */
async function importedSourceHashes(): Promise<Map<string, ImportedPost>> {
  const rows = await db.$queryRaw<(ImportedPost & { hash: string })[]>`
    SELECT p.id, p.slug, p.source_id AS "sourceId", encode(sha256(convert_to(r.source_text, 'UTF8')), 'hex') AS hash
    FROM posts p JOIN revisions r ON r.post_id = p.id AND r.number = p.version
    WHERE r.source_text IS NOT NULL`;
  const byHash = new Map<string, ImportedPost>();
  // Two posts from one text (possible only through edits of the slug) are left to the full check.
  const seen = new Set<string>();
  for (const { hash, ...post } of rows) {
    if (seen.has(hash)) byHash.delete(hash);
    else byHash.set(hash, post);
    seen.add(hash);
  }
  return byHash;
}

/** Existing spellings win, then the first spelling this run met: one query per kind for a whole chunk. */
async function canonicalizeTerms(items: Prepared[], spellings: Record<TermKind, Map<string, string>>): Promise<Prepared[]> {
  const keysOf = (kind: TermKind) => [...new Set(items.flatMap((item) => item.snapshot[kind === 'tag' ? 'tags' : 'categories'].map(termKey)))];
  const select = { name: true, nameKey: true } as const;
  const stored = [
    ...(await db.tag.findMany({ where: { nameKey: { in: keysOf('tag') } }, select })).map((row) => ['tag', row] as const),
    ...(await db.category.findMany({ where: { nameKey: { in: keysOf('category') } }, select })).map((row) => ['category', row] as const),
  ];
  for (const [kind, row] of stored) spellings[kind].set(row.nameKey, row.name);
  const spell = (kind: TermKind, names: string[]) =>
    names.map((name) => {
      const key = termKey(name);
      if (!spellings[kind].has(key)) spellings[kind].set(key, name);
      return spellings[kind].get(key)!;
    });
  return items.map((item) => ({
    ...item,
    snapshot: { ...item.snapshot, tags: spell('tag', item.snapshot.tags), categories: spell('category', item.snapshot.categories) },
  }));
}

interface Ready {
  index: number;
  item: Prepared;
  snapshot: PostSnapshot;
  existing: { id: number; version: number } | null;
  rendered: RenderedBody;
}

/**
 * Writes a chunk of posts in one transaction (one commit instead of one per post),
 * each behind a savepoint: a post that fails is rolled back alone and returned, to
 * be imported again on its own, with a fresh look at the database.
 */
async function writeChunk(ready: Ready[], results: ImportResult[], authorId: number | null): Promise<Ready[]> {
  if (!ready.length) return [];
  const again: Ready[] = [];
  const written: [number, ImportResult][] = [];
  try {
    await db.$transaction(
      async (tx) => {
        for (const entry of ready) {
          const { item, snapshot, existing, rendered } = entry;
          const meta = importMeta(item, authorId);
          await tx.$executeRawUnsafe('SAVEPOINT import_post');
          try {
            const saved = existing
              ? await updatePost(tx, existing.id, existing.version, snapshot, rendered, meta)
              : await createPost(tx, snapshot, rendered, meta);
            await tx.$executeRawUnsafe('RELEASE SAVEPOINT import_post');
            written.push([entry.index, { file: item.file, status: existing ? 'updated' : 'imported', postId: saved.id, slug: saved.slug, affected: saved.affected }]);
          } catch {
            await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT import_post');
            again.push(entry);
          }
        }
      },
      { timeout: 300_000, maxWait: 60_000 },
    );
  } catch {
    // The chunk did not commit: every post in it is imported again on its own.
    return ready;
  }
  for (const [index, result] of written) results[index] = result;
  return again;
}

/** Files read, checked and compiled a chunk at a time; each chunk written in one transaction. */
const CHUNK_SIZE = 50;
/** Below this many files, hashing every imported post's source costs more than it saves. */
const PREFETCH_MIN_FILES = 50;

/**
 * Imports post files, keyed by source id (artid) or slug. A broken file is
 * reported with its reason and never stops the others; a file whose text is what
 * its post was last imported from is skipped without being parsed.
 */
export async function importSources(sources: SourceFile[], options: ImportOptions = {}): Promise<ImportReport> {
  const force = options.force ?? false;
  const authorId = options.authorId ?? null;
  const results: ImportResult[] = [];
  const claimed = new Map<string, string>();
  const claim = (file: string, slug: string, sourceId: string | null) => {
    const keys = [`slug "${slug}"`, ...(sourceId ? [`artid ${sourceId}`] : [])];
    const clash = keys.find((key) => claimed.has(key));
    if (clash) throw new ContentError(`duplicate ${clash}: also in ${claimed.get(clash)}`);
    keys.forEach((key) => claimed.set(key, file));
  };
  const known = sources.length >= PREFETCH_MIN_FILES ? await importedSourceHashes() : new Map<string, ImportedPost>();
  const spellings = { tag: new Map<string, string>(), category: new Map<string, string>() };
  let done = 0;
  const render = options.render ?? renderInBackground;
  let writing = Promise.resolve();

  try {
    for (let start = 0; start < sources.length; start += CHUNK_SIZE) {
      const chunk = sources.slice(start, start + CHUNK_SIZE);
      const parsed: { index: number; item: Prepared }[] = [];
      for (const [offset, source] of chunk.entries()) {
        const index = start + offset;
        if (source.skip !== undefined) {
          results[index] = { file: source.name, status: 'skipped', reason: source.skip };
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
          const same = text === null ? undefined : known.get(sha256(text));
          if (same) {
            claim(source.name, same.slug, same.sourceId);
            results[index] = { file: source.name, status: 'unchanged', postId: same.id, slug: same.slug };
            continue;
          }
          const item = prepare(source.name, bytes, text ?? '');
          claim(source.name, item.snapshot.slug, item.snapshot.sourceId);
          parsed.push({ index, item });
        } catch (error) {
          results[index] = failure(source.name, error);
        }
      }

      const canonical = await canonicalizeTerms(parsed.map((p) => p.item), spellings);
      const find = await preloadedFinder(canonical.map((item) => item.snapshot));
      const decided: Omit<Ready, 'rendered'>[] = [];
      for (const [i, { index }] of parsed.entries()) {
        const item = canonical[i]!;
        try {
          const decision = await decide(item, force, find);
          if (decision.action === 'skip') results[index] = decision.result;
          else decided.push({ index, item, snapshot: decision.snapshot, existing: decision.existing });
        } catch (error) {
          results[index] = failure(item.file, error);
        }
      }
      // Compile outside the transaction (only changed posts pay for it), while the previous chunk is written.
      const rendered = await Promise.all(
        decided.map((entry) =>
          render(entry.snapshot.format, entry.snapshot.body, entry.snapshot.title).then(
            (body): Ready | null => ({ ...entry, rendered: body }),
            (error) => {
              results[entry.index] = failure(entry.item.file, error);
              return null;
            },
          ),
        ),
      );
      await writing;
      const ready = rendered.filter((r): r is Ready => r !== null);
      writing = (async () => {
        for (const { index, item } of await writeChunk(ready, results, authorId)) {
          try {
            results[index] = await importWithRetry(item, force, authorId, render);
          } catch (error) {
            results[index] = failure(item.file, error);
          }
        }
        for (let i = 0; i < chunk.length; i++) options.onProgress?.(++done, sources.length);
      })();
    }
    await writing;
  } finally {
    await writing.catch(() => undefined);
  }
  const counts = Object.fromEntries(IMPORT_STATUSES.map((s) => [s, 0])) as Record<ImportStatus, number>;
  for (const r of results) counts[r.status]++;
  return { results, counts };
}
