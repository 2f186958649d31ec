import { notFound } from 'next/navigation';
import { formatPostDate } from '@/lib/posts/format';
import type { PostWindow } from '@/lib/listing/views';
import { Pagination } from './pagination';
import { PostList } from './post-list';

interface PostListPageProps {
  title: string;
  /** Visually hidden heading (the home page's title is the site name). */
  hideTitle?: boolean;
  window: PostWindow | null;
  basePath: string;
  empty?: string;
}

/** The dates a later window spans, newest first: "2024年9月9日 — 2024年3月1日". */
export function windowSpan(window: PostWindow): string {
  const [first, last] = [window.items[0], window.items.at(-1)];
  if (!window.cursor || !first || !last) return '';
  return `（${formatPostDate(first)} — ${formatPostDate(last)}）`;
}

/** A heading, a window of posts and the links around it; 404 for a cursor that leads nowhere. */
export function PostListPage({ title, hideTitle, window, basePath, empty = '这里还没有文章。' }: PostListPageProps) {
  if (!window || (window.cursor && !window.items.length)) notFound();
  return (
    <>
      <h1 className={hideTitle && !window.cursor ? 'visually-hidden' : undefined}>
        {title}
        {windowSpan(window)}
      </h1>
      {window.items.length ? <PostList posts={window.items} /> : <p>{empty}</p>}
      <Pagination window={window} basePath={basePath} />
    </>
  );
}
