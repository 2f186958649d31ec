import type { Metadata } from 'next';
import { alternatesFor } from '@/lib/site';
import { Suspense } from 'react';
import { SearchResults } from '@/components/search-results';

export const metadata: Metadata = { title: '搜索', robots: { index: false }, alternates: alternatesFor('/search') };

export default function SearchPage({ searchParams }: PageProps<'/search'>) {
  return (
    <>
      <h1>搜索</h1>
      <Suspense fallback={<p>正在搜索…</p>}>
        <SearchResults searchParams={searchParams} />
      </Suspense>
    </>
  );
}
