import type { Metadata } from 'next';
import { SearchResults } from '@/components/search-results';
import { alternatesFor } from '@/lib/site';

export const metadata: Metadata = { title: '搜索', robots: { index: false }, alternates: alternatesFor('/search') };

// Results depend on the query: rendered per request, whole, with no Suspense boundary to stream
// (readers run no script, so streamed results would never appear).
export const instant = false;

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  return (
    <>
      <h1>搜索</h1>
      <SearchResults params={await searchParams} />
    </>
  );
}
