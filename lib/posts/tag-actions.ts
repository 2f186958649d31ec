'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/session';
import { TermInputError } from '@/lib/terms/write';
import { tagActionSchema } from '@/lib/validations/tag';
import { mergeTags, renameTag } from './tag-changes';

export interface TagActionState {
  message?: string;
  error?: string;
}

/** Editors rename and merge tags; each affected post gets a revision (which is why this lives with posts). */
export async function tagAction(_previous: TagActionState, formData: FormData): Promise<TagActionState> {
  const user = await authorizeAction('editor');
  const parsed = tagActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: '请选择标签，并填写名称或要合并到的标签。' };
  const input = parsed.data;
  try {
    if (input.intent === 'merge') await mergeTags(input.tagId, input.targetId, user.id);
    else await renameTag(input.tagId, input.name, user.id);
  } catch (error) {
    if (error instanceof TermInputError) return { error: error.message };
    throw error;
  }
  revalidatePath('/admin/tags');
  return { message: input.intent === 'merge' ? '已合并。旧标签网址会跳转到目标标签。' : '已改名。' };
}
