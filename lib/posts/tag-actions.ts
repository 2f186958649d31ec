'use server';

import { redirect } from 'next/navigation';
import { authorizeAction } from '@/lib/auth/session';
import { suggestTerms } from '@/lib/terms/admin';
import { findTermByName, TERM_NAMES, TermInputError } from '@/lib/terms/write';
import { termActionSchema, termSuggestSchema } from '@/lib/validations/tag';
import { deleteUnusedTerm, mergeTerms, renameTerm } from './tag-changes';

/** The terms page as the editor left it, with what the action did (`notice`) or why it did not (`error`). */
function back(place: { kind: string; q?: string; page?: number }, outcome: { notice: string } | { error: string }): never {
  const params = new URLSearchParams({ kind: place.kind, ...(place.q ? { q: place.q } : {}), ...(place.page ? { page: String(place.page) } : {}), ...outcome });
  redirect(`/admin/tags?${params}`);
}

/** Editors rename, merge and delete tags and categories; each affected post gets a revision (which is why this lives with posts). */
export async function termAction(formData: FormData): Promise<void> {
  const user = await authorizeAction('editor');
  const parsed = termActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) back({ kind: String(formData.get('kind')) === 'category' ? 'category' : 'tag' }, { error: '请填写名称，或选择要合并到的项。' });
  const input = parsed.data;
  const label = TERM_NAMES[input.kind];
  let notice: string;
  try {
    if (input.intent === 'rename') {
      const { before, name } = await renameTerm(input.kind, input.id, input.name, user.id);
      notice = `已把${label}“${before}”改名为“${name}”，网址不变。`;
    } else if (input.intent === 'merge') {
      const target = await findTermByName(input.kind, input.targetName);
      if (!target) throw new TermInputError(`没有名为“${input.targetName}”的${label}`);
      const merged = await mergeTerms(input.kind, input.id, target.id, user.id);
      notice = `已把${label}“${merged.source}”合并到“${merged.target}”（${merged.posts} 篇文章）。${input.kind === 'tag' ? '旧网址跳转到目标标签。' : ''}`;
    } else {
      notice = `已删除${label}“${await deleteUnusedTerm(input.kind, input.id)}”。`;
    }
  } catch (error) {
    if (error instanceof TermInputError) back(input, { error: error.message });
    throw error;
  }
  back(input, { notice });
}

/** The merge picker's choices: up to ten terms whose name contains what the editor typed. */
export async function suggestTermsAction(input: unknown): Promise<{ id: number; name: string }[]> {
  await authorizeAction('editor');
  const parsed = termSuggestSchema.safeParse(input);
  return parsed.success ? suggestTerms(parsed.data.kind, parsed.data.q) : [];
}
