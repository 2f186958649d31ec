'use server';

import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/session';
import { localisePostImages, type LocalisePostReport } from './localise-post';

/** Downloads a post's remote images into the media library and saves the rewritten body as a new revision. */
export async function localisePostImagesAction(postId: unknown): Promise<LocalisePostReport | { error: string }> {
  const user = await authorizeAction('editor');
  const id = z.number().int().positive().safeParse(postId);
  if (!id.success) return { error: '无效的文章' };
  // The editor on the page still holds the old body: the button offers a reload rather than refreshing under it.
  return localisePostImages(id.data, user.id);
}
