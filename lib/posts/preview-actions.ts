'use server';

import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/session';
import { PREVIEW_HOURS, previewToken } from './preview-token';

const previewRequestSchema = z.object({
  postId: z.coerce.number().int().positive(),
  hours: z.coerce.number().int().min(1).max(24 * 30).default(PREVIEW_HOURS),
});

export type PreviewLinkResult = { ok: true; path: string; expiresAt: string } | { ok: false; error: string };

/** A signed link that shows this unpublished post to someone without an account, until it expires or the post is published. */
export async function createPreviewLinkAction(input: unknown): Promise<PreviewLinkResult> {
  await authorizeAction('editor');
  const parsed = previewRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: '无效的请求' };
  const expiresAt = new Date(Date.now() + parsed.data.hours * 3600_000);
  return { ok: true, path: `/preview/${previewToken(parsed.data.postId, expiresAt)}`, expiresAt: expiresAt.toISOString() };
}
