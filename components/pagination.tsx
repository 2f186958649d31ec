import Link from 'next/link';

interface PaginationProps {
  page: number;
  pageCount: number;
  /** The first page's path; later pages are `${basePath}/page/${n}`. */
  basePath: string;
}

export function pageHref(basePath: string, page: number): string {
  if (page <= 1) return basePath;
  return `${basePath === '/' ? '' : basePath}/page/${page}`;
}

/** The first, the last, and two either side of the current page. */
function visiblePages(page: number, pageCount: number): number[] {
  const near = [1, page - 2, page - 1, page, page + 1, page + 2, pageCount];
  return [...new Set(near.filter((n) => n >= 1 && n <= pageCount))].sort((a, b) => a - b);
}

export function Pagination({ page, pageCount, basePath }: PaginationProps) {
  if (pageCount <= 1) return null;
  const pages = visiblePages(page, pageCount);
  return (
    <nav className="pagination" aria-label="分页">
      {page > 1 ? (
        <Link href={pageHref(basePath, page - 1)} rel="prev">
          ← 上一页
        </Link>
      ) : null}
      <ul>
        {pages.map((n, i) => (
          <li key={n}>
            {i > 0 && n - pages[i - 1]! > 1 ? <span aria-hidden="true">… </span> : null}
            {n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <Link href={pageHref(basePath, n)} aria-label={`第 ${n} 页`}>
                {n}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {page < pageCount ? (
        <Link href={pageHref(basePath, page + 1)} rel="next">
          下一页 →
        </Link>
      ) : null}
    </nav>
  );
}
