import Link from 'next/link';

interface AdminPaginationProps {
  page: number;
  /** An estimate when `approximate`: the page after the last shown may exist, and the box lets one ask for it. */
  pageCount: number;
  approximate?: boolean;
  /** The list's URL with the other parameters kept, for a given page. */
  hrefFor: (page: number) => string;
  /** The neighbouring pages read from this page's edges (cheaper than by number far into a list). */
  prevHref?: string;
  nextHref?: string;
  /** The list's other parameters, kept by the jump form. */
  params: Record<string, string | undefined>;
  action: string;
}

/** First, previous, next and last page, and a box to jump to any page (GET, so it needs no script). */
export function AdminPagination({ page, pageCount, approximate, hrefFor, prevHref, nextHref, params, action }: AdminPaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="分页">
      {page > 1 ? (
        <>
          <Link href={hrefFor(1)}>« 第一页</Link> <Link href={prevHref ?? hrefFor(page - 1)}>← 上一页</Link>
        </>
      ) : null}
      <span>
        第 {page} / {approximate ? '约 ' : ''}{pageCount} 页
      </span>
      {page < pageCount ? (
        <>
          <Link href={nextHref ?? hrefFor(page + 1)}>下一页 →</Link> <Link href={hrefFor(pageCount)}>最后一页 »</Link>
        </>
      ) : null}
      <form action={action} className="inline-form" aria-label="跳到指定页">
        {Object.entries(params).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
        <label>
          跳到第 <input name="page" type="number" min={1} max={approximate ? undefined : pageCount} defaultValue={page} className="page-input" /> 页
        </label>
        <button type="submit">跳转</button>
      </form>
    </nav>
  );
}
