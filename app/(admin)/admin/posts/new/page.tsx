import type { Metadata } from 'next';
import { PostEditor } from '@/components/admin/post-editor.client';
import { requireEditor } from '@/lib/auth/session';
import { listTermNames } from '@/lib/terms/admin';
import { newPostValues } from '@/lib/posts/form-values';

export const metadata: Metadata = { title: '写文章' };

export default async function NewPostPage() {
  await requireEditor();
  const [tags, categories] = await Promise.all([listTermNames('tag'), listTermNames('category')]);
  return (
    <>
      <h1>写文章</h1>
      <PostEditor version={0} initial={newPostValues()} tagSuggestions={tags} categorySuggestions={categories} />
    </>
  );
}
