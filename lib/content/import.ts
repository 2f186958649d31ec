import type { Affected } from '@/lib/cache/revalidate';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import { DuplicatePostError, EditConflictError } from '@/lib/posts/errors';
import { createPost, updatePost } from '@/lib/posts/mutations';
import { contentHash } from '@/lib/posts/snapshot';
import { canonicalTermNames } from '@/lib/posts/terms';
import { RenderError } from '@/lib/render/errors';
import { renderBody } from '@/lib/render/render';
import type { PostSnapshot } from '@/lib/validations/post';
import { ContentError } from './errors';
import type { SourceFile } from './files';
import { snapshotFromFrontMatter } from './front-matter';
import { decodeText, parsePostFile } from './parse';

export const IMPORT_STATUSES = ['imported', 'updated', 'unchanged', 'conflict', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportResult {
  file: string;
  status: ImportStatus;
  postId?: number;
  slug?: string;
  /** Why a file failed or conflicted. */
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
  onProgress?: (done: number, total: number) => void;
}

interface Prepared {
  file: string;
  snapshot: PostSnapshot;
  sourceText: string;
}

type Reader = Pick<Prisma.TransactionClient, 'post' | 'slugRedirect'>;

async function prepare(source: SourceFile): Promise<Prepared> {
  const bytes = await source.read();
  const fileName = source.name.split(/[\\/]/).pop() ?? source.name;
  const parsed = parsePostFile(fileName, bytes);
  const snapshot = snapshotFromFrontMatter({ fileName, ...parsed });
  return { file: source.name, snapshot, sourceText: decodeText(bytes) };
}

async function findExisting(tx: Reader, snapshot: PostSnapshot) {
  const select = { id: true, version: true, sourceId: true } as const;
  if (snapshot.sourceId) {
    const bySource = await tx.post.findUnique({ where: { sourceId: snapshot.sourceId }, select });
    if (bySource) return bySource;
  }
  const bySlug = await tx.post.findUnique({ where: { slug: snapshot.slug }, select });
  if (bySlug) {
    if (snapshot.sourceId && bySlug.sourceId && bySlug.sourceId !== snapshot.sourceId) {
      throw new DuplicatePostError(`slug "${snapshot.slug}" is already used by post #${bySlug.id} (artid ${bySlug.sourceId})`);
    }
    return bySlug;
  }
  const redirect = await tx.slugRedirect.findUnique({ where: { slug: snapshot.slug }, select: { post: { select } } });
  return redirect?.post ?? null;
}

type Decision =
  | { action: 'skip'; result: ImportResult }
  | { action: 'create' | 'update'; snapshot: PostSnapshot; existing: { id: number; version: number } | null };

/** Reads only: what importing this file would do. The write re-checks the version it saw. */
async function decide(item: Prepared, force: boolean): Promise<Decision> {
  const snapshot = {
    ...item.snapshot,
    tags: await canonicalTermNames(db, 'tag', item.snapshot.tags),
    categories: await canonicalTermNames(db, 'category', item.snapshot.categories),
  };
  const existing = await findExisting(db, snapshot);
  if (!existing) return { action: 'create', snapshot, existing: null };
  const same = { file: item.file, postId: existing.id, slug: snapshot.slug };
  const hash = contentHash(snapshot);
  const latest = await db.revision.findFirst({
    where: { postId: existing.id },
    orderBy: { number: 'desc' },
    select: { number: true, authorId: true, contentHash: true, author: { select: { email: true } } },
  });
  if (latest?.contentHash === hash) return { action: 'skip', result: { ...same, status: 'unchanged' } };
  const lastImport = await db.revision.findFirst({
    where: { postId: existing.id, authorId: null },
    orderBy: { number: 'desc' },
    select: { contentHash: true },
  });
  // The file has not changed since it was last imported: editors' later work stands.
  if (lastImport?.contentHash === hash) return { action: 'skip', result: { ...same, status: 'unchanged' } };
  if (latest?.authorId != null && !force) {
    const who = latest.author?.email ?? `user #${latest.authorId}`;
    const reason = `post #${existing.id} was edited in the admin since its last import (revision ${latest.number} by ${who}); use --force to replace it with this file`;
    return { action: 'skip', result: { ...same, status: 'conflict', reason } };
  }
  return { action: 'update', snapshot, existing };
}

async function importOne(item: Prepared, force: boolean): Promise<ImportResult> {
  const decision = await decide(item, force);
  if (decision.action === 'skip') return decision.result;
  const { snapshot, existing } = decision;
  // Compile outside the transaction; only changed posts pay for it.
  const rendered = await renderBody(snapshot.format, snapshot.body, snapshot.title);
  const meta = { authorId: null, message: `Imported from ${item.file}`, sourceText: item.sourceText };
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

async function importWithRetry(item: Prepared, force: boolean): Promise<ImportResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await importOne(item, force);
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

/**
 * Imports post files, one transaction each, keyed by source id (artid) or slug.
 * A broken file is reported with its reason and never stops the others.
 */
export async function importSources(sources: SourceFile[], options: ImportOptions = {}): Promise<ImportReport> {
  const results: ImportResult[] = [];
  const claimed = new Map<string, string>();
  for (const [index, source] of sources.entries()) {
    let result: ImportResult;
    try {
      const item = await prepare(source);
      const keys = [`slug "${item.snapshot.slug}"`, ...(item.snapshot.sourceId ? [`artid ${item.snapshot.sourceId}`] : [])];
      const clash = keys.find((key) => claimed.has(key));
      if (clash) throw new ContentError(`duplicate ${clash}: also in ${claimed.get(clash)}`);
      keys.forEach((key) => claimed.set(key, source.name));
      result = await importWithRetry(item, options.force ?? false);
    } catch (error) {
      result =
        error instanceof EditConflictError
          ? { file: source.name, status: 'conflict', postId: error.postId, reason: `post #${error.postId} kept changing while this file was imported (someone was saving it); run the import again` }
          : { file: source.name, status: 'failed', reason: reasonOf(error) };
    }
    results.push(result);
    options.onProgress?.(index + 1, sources.length);
  }
  const counts = Object.fromEntries(IMPORT_STATUSES.map((s) => [s, 0])) as Record<ImportStatus, number>;
  for (const r of results) counts[r.status]++;
  return { results, counts };
}
