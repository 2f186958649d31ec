'use server';

import { redirect } from 'next/navigation';
import { authorizeAction } from '@/lib/auth/session';
import { frontMatterOf } from '@/lib/content/front-matter';
import { renderWithBudget } from '@/lib/render/budget';
import { diffBodyWithBudget } from '@/lib/render/diff-budget';
import { RenderError } from '@/lib/render/errors';
import { diffFrontMatter } from '@/lib/revisions/diff';
import { postDeleteFormSchema, postPreviewSchema, postStatusFormSchema, postTrashFormSchema, revisionRestoreFormSchema } from '@/lib/validations/post-actions';
import { fieldErrors, postFormSchema, snapshotFromForm } from '@/lib/validations/post-form';
import type { PostSnapshot } from '@/lib/validations/post';
import { getPostSourceId } from './admin-queries';
import type { EditorState } from './editor-state';
import { DuplicatePostError } from './errors';
import { deletePost, restoreRevision, savePost, setPostStatus, setPostTrashed, type SaveOutcome } from './write';

const idOf = (value: FormDataEntryValue | null) => {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

async function conflictState(outcome: Extract<SaveOutcome, { kind: 'conflict' }>, mine: PostSnapshot, base: { version?: number }): Promise<EditorState> {
  const body = await diffBodyWithBudget(outcome.current.body, mine.body);
  return {
    ...base,
    status: 'conflict',
    message: `保存被拒绝：${outcome.savedBy ?? '导入'} 在你打开之后保存了版本 ${outcome.version}。你的修改仍在编辑器中。`,
    conflict: {
      version: outcome.version,
      savedBy: outcome.savedBy,
      savedAt: outcome.savedAt.toISOString(),
      fields: diffFrontMatter(frontMatterOf(outcome.current), frontMatterOf(mine)),
      rows: body.rows,
      ...(body.note && { rowsNote: body.note }),
    },
  };
}

/** Saves the editor's form as a new revision on top of the version it was based on. */
export async function savePostAction(_previous: EditorState, formData: FormData): Promise<EditorState> {
  const user = await authorizeAction('editor');
  const postId = idOf(formData.get('postId'));
  const baseVersion = Number(formData.get('version'));
  const parsed = postFormSchema.safeParse(Object.fromEntries(formData));
  const base = { version: Number.isInteger(baseVersion) ? baseVersion : undefined };
  if (!parsed.success) return { ...base, status: 'invalid', message: '有字段需要修正，请查看标出的错误。', errors: fieldErrors(parsed.error) };

  const existing = postId ? await getPostSourceId(postId) : null;
  if (postId && !existing) return { status: 'error', message: '这篇文章已被永久删除。' };
  const snapshot = snapshotFromForm(parsed.data, { sourceId: existing?.sourceId ?? null });
  let outcome;
  try {
    outcome = await savePost({ postId, baseVersion, snapshot, authorId: user.id, message: parsed.data.message });
  } catch (error) {
    if (error instanceof RenderError) return { ...base, status: 'invalid', message: '正文无法发布。', errors: { body: [error.message] } };
    if (error instanceof DuplicatePostError) return { ...base, status: 'invalid', message: '网址别名已被占用。', errors: { slug: [error.message] } };
    throw error;
  }
  if (outcome.kind === 'conflict') return conflictState(outcome, snapshot, base);
  if (outcome.kind === 'unchanged' && outcome.alreadySaved) {
    return { status: 'saved', message: `已保存为版本 ${outcome.version}。`, version: outcome.version, slug: snapshot.slug };
  }
  if (outcome.kind === 'unchanged') return { status: 'unchanged', message: '没有改动，无需保存。', version: outcome.version };
  if (!postId) redirect(`/admin/posts/${outcome.saved.id}?created=1`);
  return { status: 'saved', message: `已保存为版本 ${outcome.saved.version}。`, version: outcome.saved.version, slug: outcome.saved.slug };
}

/** Renders a body with the public pipeline, for the editor's live preview: on a worker, within the render budget. */
export async function previewAction(format: 'markdown' | 'mdx' | 'html', body: string, title: string): Promise<{ html: string } | { error: string }> {
  await authorizeAction('editor');
  const parsed = postPreviewSchema.safeParse({ format, body, title });
  if (!parsed.success) return { error: '预览失败' };
  try {
    return { html: (await renderWithBudget(parsed.data.format, parsed.data.body, parsed.data.title)).html };
  } catch (error) {
    return { error: error instanceof RenderError ? error.message : '预览失败' };
  }
}

/** Publish or unpublish: a new revision that changes only the status. */
export async function setStatusAction(formData: FormData): Promise<void> {
  const user = await authorizeAction('editor');
  const parsed = postStatusFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success || !(await setPostStatus(parsed.data.postId, parsed.data.status, user.id))) return;
  redirect(`/admin/posts/${parsed.data.postId}`);
}

/** Moves a post to the trash, or back; not a content change, so no revision. */
export async function setTrashedAction(formData: FormData): Promise<void> {
  await authorizeAction('editor');
  const parsed = postTrashFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  const { postId, trashed } = parsed.data;
  await setPostTrashed(postId, trashed);
  redirect(trashed ? '/admin?view=trash' : `/admin/posts/${postId}`);
}

/** Deletes a post and its whole history for good. Admins only. */
export async function deletePostAction(formData: FormData): Promise<void> {
  await authorizeAction('admin');
  const parsed = postDeleteFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  const outcome = await deletePost(parsed.data.postId, parsed.data.confirmTitle);
  if (outcome === 'missing') redirect('/admin');
  if (outcome === 'unconfirmed') redirect(`/admin/posts/${parsed.data.postId}`);
  redirect('/admin?view=trash&deleted=1');
}

/** Makes an old revision the newest one (history is never rewritten); the status stays unless asked. */
export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const user = await authorizeAction('editor');
  const parsed = revisionRestoreFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  const { postId, number, restoreStatus } = parsed.data;
  const version = await restoreRevision(postId, number, { withStatus: restoreStatus === 'on', authorId: user.id });
  if (version === null) return;
  redirect(`/admin/posts/${postId}/history?restored=${number}&version=${version}`);
}
