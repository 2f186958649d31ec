import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostListPage, windowSpan } from '@/components/post-list-page';
import { parseCursor, windowPath } from '@/lib/params';
import { listPublishedPosts } from '@/lib/posts/public';
import { pageAlternates, postsPerPage } from '@/lib/settings/read';

// One known window keeps the route cacheable; others render on first request, then come from the cache.
export const generateStaticParams = async () => [{ direction: 'before', id: '1' }];

export async function generateMetadata({ params }: PageProps<'/[direction]/[id]'>): Promise<Metadata> {
  const { direction, id } = await params;
  const cursor = parseCursor(direction, id);
  const window = cursor && (await listPublishedPosts(cursor, await postsPerPage()));
  if (!cursor || !window) return {};
  return { title: `最新文章${windowSpan(window)}`, alternates: await pageAlternates(windowPath('/', window)) };
}

export default async function OlderPosts({ params }: PageProps<'/[direction]/[id]'>) {
  const { direction, id } = await params;
  const cursor = parseCursor(direction, id);
  if (!cursor) notFound();
  return <PostListPage title="最新文章" window={await listPublishedPosts(cursor, await postsPerPage())} basePath="/" />;
}
