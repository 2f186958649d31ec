import type { Metadata } from 'next';
import { pageAlternates } from '@/lib/settings/read';
import Link from 'next/link';
import { tagPath } from '@/lib/site';
import { listTermsWithCounts } from '@/lib/terms/public';

export async function generateMetadata(): Promise<Metadata> {
  return { title: '全部标签', alternates: await pageAlternates('/tags') };
}

export default async function TagsPage() {
  const tags = await listTermsWithCounts('tag');
  return (
    <>
      <h1>全部标签</h1>
      {tags.length ? (
        <ul className="tag-cloud">
          {tags.map((tag) => (
            <li key={tag.slug}>
              <Link href={tagPath(tag.slug)}>
                #{tag.name} <span className="count">{tag.count} 篇</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>还没有标签。</p>
      )}
    </>
  );
}
