import { snapshotFromFrontMatter } from '@/lib/content/front-matter';
import { parsePostFile } from '@/lib/content/parse';
import { db } from '@/lib/db';
import { DuplicatePostError } from '@/lib/posts/errors';
import { contentHash } from '@/lib/posts/snapshot';
import { findLatestRevision } from '@/lib/revisions/queries';
import type { PostSnapshot } from '@/lib/validations/post';
import type { ImportResult } from './report';

/** A parsed file: its post as a snapshot, and the text it was read from. */
export interface Prepared {
  file: string;
  snapshot: PostSnapshot;
  sourceText: string;
}

export function prepare(name: string, bytes: Uint8Array, sourceText: string): Prepared {
  const fileName = name.split(/[\\/]/).pop() ?? name;
  const parsed = parsePostFile(fileName, bytes);
  return { file: name, snapshot: snapshotFromFrontMatter({ fileName, ...parsed }), sourceText };
}

type Found = { id: number; version: number; sourceId: string | null } | null;

/** Where decide() looks posts up: a chunk's rows, preloaded. */
export interface Finder {
  bySource: (sourceId: string) => Promise<Found> | Found;
  bySlug: (slug: string) => Promise<Found> | Found;
  byRedirect: (slug: string) => Promise<Found> | Found;
}

const FOUND_SELECT = { id: true, version: true, sourceId: true, slug: true } as const;

/** The posts and redirects a chunk of snapshots could match, in two queries. */
export async function preloadedFinder(snapshots: PostSnapshot[]): Promise<Finder> {
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
      throw new DuplicatePostError(`网址别名“${snapshot.slug}”已被文章 #${bySlug.id}（artid ${bySlug.sourceId}）使用`);
    }
    return bySlug;
  }
  return find.byRedirect(snapshot.slug);
}

export type Decision =
  | { action: 'skip'; result: ImportResult }
  | { action: 'write'; existing: { id: number; version: number } | null };

/** Reads only: what importing this file would do. The write re-checks the version it saw. */
export async function decide(item: Prepared, force: boolean, find: Finder): Promise<Decision> {
  const { snapshot } = item;
  const existing = await findExisting(find, snapshot);
  if (!existing) return { action: 'write', existing: null };
  const same = { file: item.file, postId: existing.id, slug: snapshot.slug };
  const hash = contentHash(snapshot);
  // An import is the revision that kept the file it read; who ran it is its author.
  const latest = await findLatestRevision(db, existing.id);
  if (latest?.contentHash === hash) return { action: 'skip', result: { ...same, status: 'unchanged' } };
  // When the newest revision is itself an import, it is the last import, already compared.
  const lastImport =
    !latest || latest.imported
      ? null
      : await db.revision.findFirst({ where: { postId: existing.id, sourceText: { not: null } }, orderBy: { number: 'desc' }, select: { contentHash: true } });
  // The file has not changed since it was last imported: editors' later work stands.
  if (lastImport?.contentHash === hash) return { action: 'skip', result: { ...same, status: 'unchanged' } };
  if (latest && !latest.imported && !force) {
    const who = latest.authorEmail ?? (latest.authorId ? `用户 #${latest.authorId}` : '已删除的用户');
    const reason = `文章 #${existing.id} 在上次导入后已在后台修改（${who} 的版本 ${latest.number}）；要用此文件覆盖，请勾选“覆盖”（命令行 --force）`;
    return { action: 'skip', result: { ...same, status: 'conflict', reason } };
  }
  return { action: 'write', existing };
}
