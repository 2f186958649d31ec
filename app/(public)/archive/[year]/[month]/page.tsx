import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PostMeta } from '@/components/post-meta';
import { parseMonth } from '@/lib/params';
import { listArchiveMonth } from '@/lib/posts/archive';
import { pageAlternates } from '@/lib/settings/read';
import { archiveMonthPath, postPath } from '@/lib/site';

export const generateStaticParams = async () => [{ year: '2024', month: '01' }];

export async function generateMetadata({ params }: PageProps<'/archive/[year]/[month]'>): Promise<Metadata> {
  const { year, month } = await params;
  const at = parseMonth(year, month);
  return at ? { title: `${at.year} 年 ${at.month} 月的文章`, alternates: await pageAlternates(archiveMonthPath(at.year, at.month)) } : {};
}

export default async function ArchiveMonthPage({ params }: PageProps<'/archive/[year]/[month]'>) {
  const { year, month } = await params;
  const at = parseMonth(year, month);
  const posts = at ? await listArchiveMonth(at.year, at.month) : [];
  if (!at || !posts.length) notFound();
  return (
    <>
      <h1>
        {at.year} 年 {at.month} 月的文章 <span className="count">（{posts.length} 篇）</span>
      </h1>
      <ul className="archive-list">
        {posts.map((post) => (
          <li key={post.slug}>
            <Link href={postPath(post.slug)}>{post.title}</Link>
            <PostMeta post={post} />
          </li>
        ))}
      </ul>
      <p>
        <Link href="/archive">← 全部归档</Link>
      </p>
    </>
  );
}
