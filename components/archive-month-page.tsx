import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Cursor } from '@/lib/listing/views';
import { windowPath } from '@/lib/params';
import { getArchiveMonthPage } from '@/lib/posts/archive';
import { pageAlternates, postsPerPage } from '@/lib/settings/read';
import { archiveMonthPath, postPath } from '@/lib/site';
import { Pagination } from './pagination';
import { windowSpan } from './post-list-page';
import { PostMeta } from './post-meta';

interface ArchiveMonthProps {
  year: number;
  month: number;
  cursor: Cursor | null;
}

/** The shared body of /archive/[year]/[month] and its later windows: a compact list, a page at a time. */
export async function ArchiveMonthPage({ year, month, cursor }: ArchiveMonthProps) {
  const window = await getArchiveMonthPage(year, month, cursor, await postsPerPage());
  if (!window || !window.items.length) notFound();
  return (
    <>
      <h1>
        {year} 年 {month} 月的文章 <span className="count">（{window.total} 篇）</span>
        {windowSpan(window)}
      </h1>
      <ul className="archive-list">
        {window.items.map((post) => (
          <li key={post.slug}>
            <Link href={postPath(post.slug)}>{post.title}</Link>
            <PostMeta post={post} />
          </li>
        ))}
      </ul>
      <Pagination window={window} basePath={archiveMonthPath(year, month)} />
    </>
  );
}

export async function archiveMonthMetadata(year: number, month: number, cursor: Cursor | null = null) {
  const window = await getArchiveMonthPage(year, month, cursor, await postsPerPage());
  if (!window) return {};
  return { title: `${year} 年 ${month} 月的文章${windowSpan(window)}`, alternates: await pageAlternates(windowPath(archiveMonthPath(year, month), window)) };
}
