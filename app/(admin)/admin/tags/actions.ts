'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/session';
import { mergeTags, renameTag, TermInputError } from '@/lib/terms/mutations';

export interface TagActionState {
  message?: string;
  error?: string;
}

/** Editors rename and merge tags; each affected post gets a revision. */
export async function tagAction(_previous: TagActionState, formData: FormData): Promise<TagActionState> {
  const user = await authorizeAction('editor');
  const tagId = Number(formData.get('tagId'));
  try {
    if (formData.get('intent') === 'merge') {
      await mergeTags(tagId, Number(formData.get('targetId')), user.id);
      revalidatePath('/admin/tags');
      return { message: '已合并。旧标签网址会跳转到目标标签。' };
    }
    await renameTag(tagId, String(formData.get('name') ?? ''), user.id);
    revalidatePath('/admin/tags');
    return { message: '已改名。' };
  } catch (error) {
    if (error instanceof TermInputError) return { error: error.message };
    throw error;
  }
}
