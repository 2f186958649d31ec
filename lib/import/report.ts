import type { Affected } from '@/lib/cache/revalidate';
import { ContentError } from '@/lib/content/errors';
import { DuplicatePostError, EditConflictError } from '@/lib/posts/errors';
import { RenderError } from '@/lib/render/errors';

export const IMPORT_STATUSES = ['imported', 'updated', 'unchanged', 'conflict', 'failed', 'skipped'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportResult {
  file: string;
  status: ImportStatus;
  postId?: number;
  slug?: string;
  /** Why a file failed, conflicted or was skipped. */
  reason?: string;
  /** Public pages the write touched (revalidated by the import itself). */
  affected?: Affected;
}

export interface ImportReport {
  results: ImportResult[];
  counts: Record<ImportStatus, number>;
  /** Set when other instances could not be told to refresh their pages. */
  warning?: string;
}

function reasonOf(error: unknown): string {
  if (error instanceof ContentError || error instanceof DuplicatePostError) return error.message;
  if (error instanceof RenderError) return `正文：${error.message}`;
  if (error instanceof Error) return error.message.split('\n').filter(Boolean).pop() ?? error.name;
  return String(error);
}

/** A file that could not be imported, and why. */
export function failure(file: string, error: unknown): ImportResult {
  return error instanceof EditConflictError
    ? { file, status: 'conflict', postId: error.postId, reason: `post #${error.postId} kept changing while this file was imported (someone was saving it); run the import again` }
    : { file, status: 'failed', reason: reasonOf(error) };
}

export function countResults(results: ImportResult[]): Record<ImportStatus, number> {
  const counts = Object.fromEntries(IMPORT_STATUSES.map((s) => [s, 0])) as Record<ImportStatus, number>;
  for (const r of results) counts[r.status]++;
  return counts;
}
