import { notFound } from 'next/navigation';
import type { Paginated, PostSummary } from '@/lib/posts/views';
import { Pagination } from './pagination';
import { PostList } from './post-list';

interface PostListPageProps {
  title: string;
  /** Visually hidden heading (the home page's title is the site name). */
  hideTitle?: boolean;
  result: Paginated<PostSummary>;
  basePath: string;
  empty?: string;
}

/** A heading, a page of posts and the pagination; 404 past the last page. */
export function PostListPage({ title, hideTitle, result, basePath, empty = '这里还没有文章。' }: PostListPageProps) {
  if (result.page > 1 && result.page > result.pageCount) notFound();
  return (
    <>
      <h1 className={hideTitle ? 'visually-hidden' : undefined}>
        {title}
        {result.page > 1 ? `（第 ${result.page} 页）` : null}
      </h1>
      {result.items.length ? <PostList posts={result.items} /> : <p>{empty}</p>}
      <Pagination page={result.page} pageCount={result.pageCount} basePath={basePath} />
    </>
  );
}
