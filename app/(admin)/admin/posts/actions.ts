'use server';

import { redirect } from 'next/navigation';
import { authorizeAction } from '@/lib/auth/session';
import { revalidatePublic, tagsFor } from '@/lib/cache/revalidate';
import { frontMatterOf } from '@/lib/content/front-matter';
import { db } from '@/lib/db';
import { DuplicatePostError } from '@/lib/posts/errors';
import { postWithTermsInclude, snapshotOfPost } from '@/lib/posts/snapshot';
import { savePost } from '@/lib/posts/save';
import { renderWithBudget } from '@/lib/render/budget';
import { RenderError } from '@/lib/render/errors';
import { diffFrontMatter } from '@/lib/revisions/diff';
import { diffBodyWithBudget } from '@/lib/revisions/diff-budget';
import { fieldErrors, postFormSchema, snapshotFromForm } from '@/lib/validations/post-form';
import type { EditorState } from './editor-state';

const idOf = (value: FormDataEntryValue | null) => {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

/** Saves the editor's form as a new revision on top of the version it was based on. */
export async function savePostAction(_previous: EditorState, formData: FormData): Promise<EditorState> {
  const user = await authorizeAction('editor');
  const postId = idOf(formData.get('postId'));
  const baseVersion = Number(formData.get('version'));
  const parsed = postFormSchema.safeParse(Object.fromEntries(formData));
  const base = { version: Number.isInteger(baseVersion) ? baseVersion : undefined };
  if (!parsed.success) return { ...base, status: 'invalid', message: '有字段需要修正，请查看标出的错误。', errors: fieldErrors(parsed.error) };

  const existing = postId ? await db.post.findUnique({ where: { id: postId }, select: { sourceId: true } }) : null;
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
  if (outcome.kind === 'conflict') {
    const body = await diffBodyWithBudget(outcome.current.body, snapshot.body);
    return {
      ...base,
      status: 'conflict',
      message: `保存被拒绝：${outcome.savedBy ?? '导入'} 在你打开之后保存了版本 ${outcome.version}。你的修改仍在编辑器中。`,
      conflict: {
        version: outcome.version,
        savedBy: outcome.savedBy,
        savedAt: outcome.savedAt.toISOString(),
        fields: diffFrontMatter(frontMatterOf(outcome.current), frontMatterOf(snapshot)),
        rows: body.rows,
        ...(body.note && { rowsNote: body.note }),
      },
    };
  }
  if (outcome.kind === 'unchanged') return { status: 'unchanged', message: '没有改动，无需保存。', version: outcome.version };
  if (!postId) redirect(`/admin/posts/${outcome.saved.id}?created=1`);
  return { status: 'saved', message: `已保存为版本 ${outcome.saved.version}。`, version: outcome.saved.version, slug: outcome.saved.slug };
}

/** Renders a body with the public pipeline, for the editor's live preview: on a worker, within the render budget. */
export async function previewAction(format: 'markdown' | 'mdx' | 'html', body: string, title: string): Promise<{ html: string } | { error: string }> {
  await authorizeAction('editor');
  try {
    return { html: (await renderWithBudget(format, String(body), String(title))).html };
  } catch (error) {
    return { error: error instanceof RenderError ? error.message : '预览失败' };
  }
}

async function loadSnapshot(postId: number) {
  const post = await db.post.findUnique({ where: { id: postId }, include: postWithTermsInclude });
  return post ? { post, snapshot: snapshotOfPost(post) } : null;
}

/** Publish, unpublish or schedule: a new revision that changes only the status. */
export async function setStatusAction(formData: FormData): Promise<void> {
  const user = await authorizeAction('editor');
  const postId = idOf(formData.get('postId'));
  const status = String(formData.get('status'));
  const loaded = postId ? await loadSnapshot(postId) : null;
  if (!loaded || !['draft', 'published'].includes(status)) return;
  const message = status === 'published' ? '发布' : '撤回为草稿';
  await savePost({ postId, baseVersion: loaded.post.version, snapshot: { ...loaded.snapshot, status: status as 'draft' | 'published' }, authorId: user.id, message });
  redirect(`/admin/posts/${postId}`);
}

/** Moves a post to the trash, or back; not a content change, so no revision. */
export async function setTrashedAction(formData: FormData): Promise<void> {
  await authorizeAction('editor');
  const postId = idOf(formData.get('postId'));
  const trashed = formData.get('trashed') === 'true';
  if (!postId) return;
  const post = await db.post.update({
    where: { id: postId },
    data: { deletedAt: trashed ? new Date() : null },
    include: postWithTermsInclude,
  });
  await revalidatePublic(
    tagsFor([{ slugs: [post.slug], tagSlugs: post.tags.map((t) => t.tag.slug), categorySlugs: post.categories.map((c) => c.category.slug) }]),
  );
  redirect(trashed ? '/admin?view=trash' : `/admin/posts/${postId}`);
}

/** Deletes a post and its whole history for good. Admins only. */
export async function deletePostAction(formData: FormData): Promise<void> {
  await authorizeAction('admin');
  const postId = idOf(formData.get('postId'));
  if (!postId) return;
  const post = await db.post.findUnique({ where: { id: postId }, include: postWithTermsInclude });
  if (!post) redirect('/admin');
  // The form asks for the title to be typed; a request without it deletes nothing.
  if (String(formData.get('confirmTitle') ?? '').trim() !== post.title.trim()) redirect(`/admin/posts/${postId}`);
  await db.post.delete({ where: { id: postId } });
  await revalidatePublic(
    tagsFor([{ slugs: [post.slug], tagSlugs: post.tags.map((t) => t.tag.slug), categorySlugs: post.categories.map((c) => c.category.slug) }]),
  );
  redirect('/admin?view=trash&deleted=1');
}

/** Makes an old revision the newest one (history is never rewritten); the status stays unless asked. */
export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const user = await authorizeAction('editor');
  const postId = idOf(formData.get('postId'));
  const number = Number(formData.get('number'));
  const loaded = postId ? await loadSnapshot(postId) : null;
  const revision = loaded ? await db.revision.findUnique({ where: { postId_number: { postId: postId!, number } } }) : null;
  if (!loaded || !revision) return;
  const { snapshotFromFrontMatter } = await import('@/lib/content/front-matter');
  const restored = snapshotFromFrontMatter({
    data: revision.frontMatter as Record<string, unknown>,
    body: revision.body,
    format: revision.format,
  });
  const keepStatus = formData.get('restoreStatus') !== 'on';
  const snapshot = keepStatus ? { ...restored, status: loaded.snapshot.status } : restored;
  const outcome = await savePost({ postId, baseVersion: loaded.post.version, snapshot, authorId: user.id, message: `恢复到版本 ${number}` });
  const version = outcome.kind === 'saved' ? outcome.saved.version : loaded.post.version;
  redirect(`/admin/posts/${postId}/history?restored=${number}&version=${version}`);
}
