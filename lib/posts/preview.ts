// No 'server-only': proxy.ts answers dead links with a 404 before the page streams.
import { db } from '@/lib/db';
import type { TocEntry } from '@/lib/render/enhance';
import { readPreviewToken } from './preview-token';
import { publicPostWhere } from '@/lib/listing/visibility';

export interface DraftPreview {
  title: string;
  html: string;
  toc: TocEntry[];
  publishedAt: Date;
  utcOffset: number;
  readingMinutes: number;
  expiresAt: Date;
}

/**
 * The unpublished post a preview link opens. Null once the link expired, the
 * post was trashed or deleted, or it is published (then its real page is the one to read).
 */
export async function getDraftPreview(token: string): Promise<DraftPreview | null> {
  const link = readPreviewToken(token);
  if (!link) return null;
  const post = await db.post.findFirst({
    where: { id: link.postId, deletedAt: null, NOT: publicPostWhere() },
    select: { title: true, html: true, toc: true, publishedAt: true, utcOffset: true, readingMinutes: true },
  });
  return post ? { ...post, toc: post.toc as unknown as TocEntry[], expiresAt: link.expiresAt } : null;
}
