import type { Metadata } from 'next';
import Link from 'next/link';
import { PostMeta } from '@/components/post-meta';
import { getArchive } from '@/lib/posts/public';
import { alternatesFor, postPath } from '@/lib/site';

export const metadata: Metadata = { title: '归档', alternates: alternatesFor('/archive') };

export default async function ArchivePage() {
  const months = await getArchive();
  const years = [...new Set(months.map((m) => m.year))];
  return (
    <>
      <h1>归档</h1>
      {!months.length ? <p>还没有文章。</p> : null}
      {years.map((year) => (
        <section key={year} aria-labelledby={`year-${year}`} className="archive-year">
          <h2 id={`year-${year}`}>{year} 年</h2>
          {months
            .filter((m) => m.year === year)
            .map((m) => (
              <section key={m.month} aria-labelledby={`month-${year}-${m.month}`}>
                <h3 id={`month-${year}-${m.month}`}>
                  {m.month} 月 <span className="count">（{m.posts.length} 篇）</span>
                </h3>
                <ul className="archive-list">
                  {m.posts.map((post) => (
                    <li key={post.slug}>
                      <Link href={postPath(post.slug)}>{post.title}</Link>
                      <PostMeta post={post} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
        </section>
      ))}
    </>
  );
}
