import type { Metadata } from 'next';
import { pageAlternates } from '@/lib/settings/read';
import { SearchResults } from '@/components/search-results';

export async function generateMetadata(): Promise<Metadata> {
  return { title: '搜索', robots: { index: false }, alternates: await pageAlternates('/search') };
}

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
