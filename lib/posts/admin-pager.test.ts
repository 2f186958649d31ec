import { describe, expect, it } from 'vitest';
import { formatCursor, parseCursor, settlePages } from './admin-pager';

describe('the post list pager', () => {
  it('carries a page edge in the URL and reads it back, dots in a title included', () => {
    const cursor = { id: 42, key: 'Next.js 16. 新功能' };
    expect(parseCursor(formatCursor(cursor))).toEqual(cursor);
    expect(parseCursor(formatCursor({ id: 7, key: '2026-12-02T10:00:00.000Z' }))).toEqual({ id: 7, key: '2026-12-02T10:00:00.000Z' });
  });

  it('ignores an edge that is not one', () => {
    for (const text of [undefined, '', 'abc', '0.x', '12', '99999999999.x', `1.${'长'.repeat(501)}`]) expect(parseCursor(text)).toBeNull();
  });

  it('keeps an exact total as it is', () => {
    expect(settlePages({ total: 51, exact: true }, { page: 3, rows: 1, more: false }, 25)).toEqual({ total: 51, exact: true, pageCount: 3 });
    expect(settlePages({ total: 0, exact: true }, { page: 1, rows: 0, more: false }, 25)).toEqual({ total: 0, exact: true, pageCount: 1 });
  });

  it('never offers a page past the last when the total was estimated', () => {
    // The estimate said 400 pages; page 7 came back short, so it is the last and the total is known.
    expect(settlePages({ total: 10_000, exact: false }, { page: 7, rows: 3, more: false }, 25)).toEqual({ total: 153, exact: true, pageCount: 7 });
    // A full last page with nothing behind it.
    expect(settlePages({ total: 10_000, exact: false }, { page: 2, rows: 25, more: false }, 25)).toEqual({ total: 50, exact: true, pageCount: 2 });
  });

  it('offers the next page when an estimate fell short of what is there', () => {
    const settled = settlePages({ total: 5_001, exact: false }, { page: 300, rows: 25, more: true }, 25);
    expect(settled.exact).toBe(false);
    expect(settled.pageCount).toBe(301);
    expect(settlePages({ total: 100_000, exact: false }, { page: 1, rows: 25, more: true }, 25).pageCount).toBe(4_000);
  });
});
