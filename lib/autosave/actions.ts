'use server';

import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/session';
import { autosaveWriteSchema } from '@/lib/validations/autosave';
import { discardAutosave, writeAutosave } from './store';

export type AutosaveResult = { ok: true; savedAt: string } | { ok: false; error: string };

/** Keeps the editor's unsaved state of a post on the server for this user (not a revision). */
export async function autosaveAction(input: unknown): Promise<AutosaveResult> {
  const user = await authorizeAction('editor');
  const parsed = autosaveWriteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: '自动保存的内容无效' };
  const savedAt = await writeAutosave(user.id, parsed.data);
  return savedAt ? { ok: true, savedAt: savedAt.toISOString() } : { ok: false, error: '这篇文章已被永久删除。' };
}

/** Drops this user's autosave of a post: after a save, or when they choose 丢弃. */
export async function discardAutosaveAction(postId: unknown): Promise<void> {
  const user = await authorizeAction('editor');
  const parsed = z.number().int().positive().nullable().safeParse(postId);
  if (parsed.success) await discardAutosave(user.id, parsed.data);
}
