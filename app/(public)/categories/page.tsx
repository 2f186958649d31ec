import type { Metadata } from 'next';
import { pageAlternates } from '@/lib/settings/read';
import Link from 'next/link';
import { categoryPath } from '@/lib/site';
import { listTermsWithCounts } from '@/lib/terms/public';

export async function generateMetadata(): Promise<Metadata> {
  return { title: '全部分类', alternates: await pageAlternates('/categories') };
}

export default async function CategoriesPage() {
  const categories = await listTermsWithCounts('category');
  return (
    <>
      <h1>全部分类</h1>
      {categories.length ? (
        <ul className="category-list">
          {categories.map((category) => (
            <li key={category.slug}>
              <Link href={categoryPath(category.slug)}>{category.name}</Link> <span className="count">{category.count} 篇</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>还没有分类。</p>
      )}
    </>
  );
}
