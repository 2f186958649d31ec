import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostListPage } from '@/components/post-list-page';
import { parsePageParam } from '@/lib/params';
import { listPublishedPosts } from '@/lib/posts/public';
import { alternatesFor } from '@/lib/site';

// One known page keeps the route cacheable; others render on first request, then come from the cache.
export const generateStaticParams = async () => [{ n: '2' }];

export async function generateMetadata({ params }: PageProps<'/page/[n]'>): Promise<Metadata> {
  const { n } = await params;
  return { title: `最新文章（第 ${n} 页）`, alternates: alternatesFor(`/page/${n}`) };
}

export default async function HomePageN({ params }: PageProps<'/page/[n]'>) {
  const page = parsePageParam((await params).n);
  if (!page) notFound();
  return <PostListPage title="最新文章" result={await listPublishedPosts(page)} basePath="/" />;
}
