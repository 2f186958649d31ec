import { notFound } from 'next/navigation';
import { getTermPage, type TermKind } from '@/lib/terms/public';
import { alternatesFor, categoryPath, tagPath } from '@/lib/site';
import { PostListPage } from './post-list-page';

interface TermPageProps {
  kind: TermKind;
  slug: string;
  page: number;
}

/** The shared body of /tags/[slug] and /categories/[slug] and their later pages. */
export async function TermPage({ kind, slug, page }: TermPageProps) {
  const result = await getTermPage(kind, slug, page);
  if (!result) notFound();
  const label = kind === 'tag' ? '标签' : '分类';
  return (
    <PostListPage
      title={`${label}：${result.term.name}`}
      result={result}
      basePath={(kind === 'tag' ? tagPath : categoryPath)(result.term.slug)}
      empty={`这个${label}下还没有公开的文章。`}
    />
  );
}

export async function termMetadata(kind: TermKind, slug: string, page = 1) {
  const result = await getTermPage(kind, slug, page);
  if (!result) return {};
  const label = kind === 'tag' ? '标签' : '分类';
  const base = (kind === 'tag' ? tagPath : categoryPath)(result.term.slug);
  return {
    title: `${label}：${result.term.name}${page > 1 ? `（第 ${page} 页）` : ''}`,
    description: `${label}「${result.term.name}」下的 ${result.total} 篇文章`,
    alternates: alternatesFor(page > 1 ? `${base}/page/${page}` : base),
  };
}
