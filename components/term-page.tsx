import { notFound } from 'next/navigation';
import type { TermKind } from '@/lib/terms/names';
import { getTermPage } from '@/lib/terms/public';
import { windowPath } from '@/lib/params';
import type { Cursor } from '@/lib/listing/views';
import { pageAlternates, postsPerPage } from '@/lib/settings/read';
import { categoryPath, tagPath } from '@/lib/site';
import { PostListPage, windowSpan } from './post-list-page';

interface TermPageProps {
  kind: TermKind;
  slug: string;
  cursor: Cursor | null;
}

const labelOf = (kind: TermKind) => (kind === 'tag' ? '标签' : '分类');
const pathOf = (kind: TermKind, slug: string) => (kind === 'tag' ? tagPath : categoryPath)(slug);

/** The shared body of /tags/[slug] and /categories/[slug] and their later windows. */
export async function TermPage({ kind, slug, cursor }: TermPageProps) {
  const result = await getTermPage(kind, slug, cursor, await postsPerPage());
  if (!result) notFound();
  const label = labelOf(kind);
  return (
    <PostListPage
      title={`${label}：${result.term.name}`}
      window={result}
      basePath={pathOf(kind, result.term.slug)}
      empty={`这个${label}下还没有公开的文章。`}
    />
  );
}

export async function termMetadata(kind: TermKind, slug: string, cursor: Cursor | null = null) {
  const result = await getTermPage(kind, slug, cursor, await postsPerPage());
  if (!result) return {};
  const label = labelOf(kind);
  const base = pathOf(kind, result.term.slug);
  return {
    title: `${label}：${result.term.name}${windowSpan(result)}`,
    description: `${label}「${result.term.name}」下的 ${result.total} 篇文章`,
    alternates: await pageAlternates(windowPath(base, result)),
  };
}
