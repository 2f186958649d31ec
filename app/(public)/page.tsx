import { PostListPage } from '@/components/post-list-page';
import { listPublishedPosts } from '@/lib/posts/public';
import { siteConfig } from '@/lib/site';

export default async function HomePage() {
  return <PostListPage title={`${siteConfig.name}：最新文章`} hideTitle window={await listPublishedPosts(null)} basePath="/" />;
}
