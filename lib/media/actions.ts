'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorizeAction } from '@/lib/auth/session';
import { addImage, deleteImage, listImages, MediaInUseError } from './library';
import { MAX_IMAGE_BYTES } from './limits';
import { MediaInputError } from './process';
import { toPickerImage, type MediaItem, type PickerImage } from './views';

export type UploadResult = { ok: true; item: MediaItem } | { ok: false; error: string };

const uploadSchema = z.object({
  // Checked again by its bytes; this only bounds what is read.
  file: z.instanceof(File).refine((f) => f.size <= MAX_IMAGE_BYTES + 1, '图片太大'),
});

/** Adds an image to the media library (from the editor's button, a drop or a paste, or the media page). */
export async function uploadImageAction(formData: FormData): Promise<UploadResult> {
  const user = await authorizeAction('editor');
  const parsed = uploadSchema.safeParse({ file: formData.get('file') });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? '没有收到图片' };
  try {
    const item = await addImage(Buffer.from(await parsed.data.file.arrayBuffer()), parsed.data.file.name, user.id);
    revalidatePath('/admin/media');
    return { ok: true, item };
  } catch (error) {
    if (error instanceof MediaInputError) return { ok: false, error: error.message };
    throw error;
  }
}

export interface DeleteImageState {
  message?: string;
  error?: string;
}

/** Deletes an image that no post uses. */
export async function deleteImageAction(_previous: DeleteImageState, formData: FormData): Promise<DeleteImageState> {
  await authorizeAction('editor');
  const id = z.coerce.number().int().positive().safeParse(formData.get('id'));
  if (!id.success) return { error: '无效的图片' };
  try {
    await deleteImage(id.data);
  } catch (error) {
    if (error instanceof MediaInUseError) return { error: error.message };
    throw error;
  }
  revalidatePath('/admin/media');
  return { message: '已删除。' };
}

const PICKER_PAGE_SIZE = 24;

const pickerQuerySchema = z.object({ q: z.string().trim().max(200), page: z.number().int().min(0).max(10_000) });

/** A page of the library for a picker, newest first, optionally by file name; `more` when another page follows. */
export async function listPickerImagesAction(q: string, page: number): Promise<{ items: PickerImage[]; more: boolean } | { error: string }> {
  await authorizeAction('editor');
  const parsed = pickerQuerySchema.safeParse({ q, page });
  if (!parsed.success) return { error: '无效的搜索' };
  const rows = await listImages(parsed.data.q, PICKER_PAGE_SIZE + 1, parsed.data.page * PICKER_PAGE_SIZE);
  return { items: rows.slice(0, PICKER_PAGE_SIZE).map(toPickerImage), more: rows.length > PICKER_PAGE_SIZE };
}
