'use server';

import { redirect } from 'next/navigation';
import { authorizeAction } from '@/lib/auth/session';
import { postBulkFormSchema } from '@/lib/validations/post-actions';
import { applyBulkChange } from './bulk';

const DONE = { publish: '发布', unpublish: '撤回为草稿', trash: '移到回收站', restore: '移出回收站', 'add-tag': '添加标签', 'remove-tag': '移除标签' } as const;

/** One change to the posts ticked in the admin list (asked once in the browser), then back to the same list with what it did. */
export async function bulkPostsAction(formData: FormData): Promise<void> {
  const user = await authorizeAction('editor');
  const parsed = postBulkFormSchema.safeParse({ ...Object.fromEntries(formData), ids: formData.getAll('ids') });
  if (!parsed.success) redirect('/admin?error=' + encodeURIComponent('请勾选文章并选择操作；添加或移除标签时需填写标签名。'));
  const { ids, operation, tag, back } = parsed.data;
  const change = operation === 'add-tag' || operation === 'remove-tag' ? { kind: operation, tag: tag! } : { kind: operation };
  const changed = await applyBulkChange(ids, change, user.id);
  const what = `${DONE[operation]}${tag && change.kind.endsWith('tag') ? `“${tag}”` : ''}`;
  const url = new URL(back, 'http://admin.invalid');
  url.searchParams.delete('error');
  url.searchParams.set('notice', `已对 ${changed} 篇文章${what}${ids.length > changed ? `（另 ${ids.length - changed} 篇无需改动）` : ''}。`);
  redirect(`${url.pathname}${url.search}`);
}
