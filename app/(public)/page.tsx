import { PostListPage } from '@/components/post-list-page';
import { listPublishedPosts } from '@/lib/posts/public';
import { siteConfig } from '@/lib/site';

export default async function HomePage() {
  const result = await listPublishedPosts(1);
  return <PostListPage title={`${siteConfig.name}：最新文章`} hideTitle result={result} basePath="/" />;
}
