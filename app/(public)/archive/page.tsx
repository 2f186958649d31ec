import type { Metadata } from 'next';
import { pageAlternates } from '@/lib/settings/read';
import Link from 'next/link';
import { listArchiveMonths } from '@/lib/posts/archive';
import { archiveMonthPath } from '@/lib/site';

export async function generateMetadata(): Promise<Metadata> {
  return { title: '归档', alternates: await pageAlternates('/archive') };
}

export default async function ArchivePage() {
  const months = await listArchiveMonths();
  const years = [...new Set(months.map((m) => m.year))];
  return (
    <>
      <h1>归档</h1>
      {!months.length ? <p>还没有文章。</p> : null}
      {years.map((year) => (
        <section key={year} aria-labelledby={`year-${year}`} className="archive-year">
          <h2 id={`year-${year}`}>{year} 年</h2>
          <ul className="archive-months">
            {months
              .filter((m) => m.year === year)
              .map((m) => (
                <li key={m.month}>
                  <Link href={archiveMonthPath(year, m.month)}>{m.month} 月</Link> <span className="count">（{m.count} 篇）</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
