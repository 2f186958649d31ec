import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeletePostForm } from '@/components/admin/delete-post-form.client';
import { PostEditor } from '@/components/admin/post-editor.client';
import { LocaliseImagesButton } from '@/components/admin/localise-button.client';
import { PreviewLinkButton } from '@/components/admin/preview-link.client';
import { requireEditor } from '@/lib/auth/session';
import { autosaveOffer } from '@/lib/autosave/offer';
import { getPostForEdit } from '@/lib/posts/admin-queries';
import { listTermNames } from '@/lib/terms/admin';
import { formValuesOf } from '@/lib/posts/form-values';
import { snapshotOfPost } from '@/lib/posts/snapshot';
import { getSiteSettings } from '@/lib/settings/read';
import { postPath } from '@/lib/site';
import { deletePostAction, setStatusAction, setTrashedAction } from '@/lib/posts/actions';

export const metadata: Metadata = { title: '编辑文章' };

export default async function EditPostPage({ params, searchParams }: PageProps<'/admin/posts/[id]'>) {
  const user = await requireEditor();
  const id = Number((await params).id);
  const post = Number.isInteger(id) ? await getPostForEdit(id) : null;
  if (!post) notFound();
  const initial = formValuesOf(snapshotOfPost(post));
  const [tags, categories, autosave, settings] = await Promise.all([listTermNames('tag'), listTermNames('category'), autosaveOffer(user.id, post.id, initial), getSiteSettings()]);
  return (
    <>
      <div className="editor-header">
        <h1>编辑：{post.title}</h1>
        <p className="post-meta">
          版本 {post.version} · {post.deletedAt ? '在回收站中' : post.status === 'published' ? '已发布' : post.status === 'scheduled' ? '定时发布' : '草稿'} ·{' '}
          <Link href={`/admin/posts/${post.id}/history`}>修订历史</Link> · <a href={`/admin/export?id=${post.id}`}>导出此文</a>
          {post.status === 'published' && !post.deletedAt ? (
            <>
              {' · '}
              <a href={postPath(post.slug)} target="_blank" rel="noreferrer">
                查看文章
              </a>
            </>
          ) : null}
        </p>
        <div className="post-actions">
          <form action={setStatusAction}>
            <input type="hidden" name="postId" value={post.id} />
            <input type="hidden" name="status" value={post.status === 'published' ? 'draft' : 'published'} />
            <button type="submit">{post.status === 'published' ? '撤回为草稿' : '立即发布'}</button>
          </form>
          <form action={setTrashedAction}>
            <input type="hidden" name="postId" value={post.id} />
            <input type="hidden" name="trashed" value={post.deletedAt ? 'false' : 'true'} />
            <button type="submit">{post.deletedAt ? '从回收站恢复' : '移到回收站'}</button>
          </form>
          {post.status !== 'published' && !post.deletedAt ? <PreviewLinkButton postId={post.id} /> : null}
          <LocaliseImagesButton postId={post.id} />
          {user.role === 'admin' && post.deletedAt ? <DeletePostForm postId={post.id} title={post.title} action={deletePostAction} /> : null}
        </div>
      </div>
      <PostEditor
        postId={post.id}
        version={post.version}
        initial={initial}
        tagSuggestions={tags}
        categorySuggestions={categories}
        autosave={autosave}
        created={(await searchParams).created === '1'}
        siteTitle={settings.title}
      />
    </>
  );
}
