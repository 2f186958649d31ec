import { PostListPage } from '@/components/post-list-page';
import { listPublishedPosts } from '@/lib/posts/public';
import { getSiteSettings } from '@/lib/settings/read';

export default async function HomePage() {
  const { title, postsPerPage } = await getSiteSettings();
  return <PostListPage title={`${title}：最新文章`} hideTitle window={await listPublishedPosts(null, postsPerPage)} basePath="/" />;
}
