import type { Metadata } from 'next';
import Link from 'next/link';
import { alternatesFor, categoryPath } from '@/lib/site';
import { listTermsWithCounts } from '@/lib/terms/public';

export const metadata: Metadata = { title: '全部分类', alternates: alternatesFor('/categories') };

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
