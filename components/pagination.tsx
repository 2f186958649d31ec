import Link from 'next/link';
import { cursorPath } from '@/lib/params';
import type { PostWindow } from '@/lib/listing/views';

interface PaginationProps {
  window: PostWindow;
  /** The list's first window; later ones are `${basePath}/before/<id>` and `/after/<id>`. */
  basePath: string;
}

/** Newer and older links around a window of a list, where the reader is, and the way to the archive. */
export function Pagination({ window, basePath }: PaginationProps) {
  return (
    <nav className="pagination" aria-label="分页">
      {window.newer ? (
        <Link href={window.newerIsFirst ? basePath : cursorPath(basePath, window.newer)} rel="prev">
          ← 较新的文章
        </Link>
      ) : null}
      {window.cursor ? <Link href={basePath}>最新</Link> : null}
      {window.newer || window.older ? <span className="page-number">第 {window.page ?? 1} 页</span> : null}
      {window.older ? (
        <Link href={cursorPath(basePath, window.older)} rel="next">
          较早的文章 →
        </Link>
      ) : null}
      <Link href="/archive" className="archive-link">
        全部文章归档
      </Link>
    </nav>
  );
}
