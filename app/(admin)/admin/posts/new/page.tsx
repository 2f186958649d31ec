import type { Metadata } from 'next';
import { PostEditor } from '@/components/admin/post-editor.client';
import { requireEditor } from '@/lib/auth/session';
import { autosaveOffer } from '@/lib/autosave/offer';
import { listTermNames } from '@/lib/terms/admin';
import { newPostValues } from '@/lib/posts/form-values';
import { getSiteSettings } from '@/lib/settings/read';

export const metadata: Metadata = { title: '写文章' };

export default async function NewPostPage() {
  const user = await requireEditor();
  const initial = newPostValues();
  const [tags, categories, autosave, settings] = await Promise.all([listTermNames('tag'), listTermNames('category'), autosaveOffer(user.id, null, initial), getSiteSettings()]);
  return (
    <>
      <h1>写文章</h1>
      <PostEditor version={0} initial={initial} tagSuggestions={tags} categorySuggestions={categories} autosave={autosave} siteTitle={settings.title} />
    </>
  );
}
