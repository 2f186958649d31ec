/**
 * The post list's pager: a neighbouring page is read from the edge of the page the
 * editor is on (a keyset window: the sort key and id of its last or first row), so
 * "next" costs the same on page 1,000 as on page 1; a jump reads by offset.
 */

/** The sort key and id of a row at the edge of a page, as it travels in the URL (`after`/`before`). */
export interface ListCursor {
  id: number;
  /** An ISO instant for the date sorts, the title for the title sort. */
  key: string;
}

/** `<id>.<key>`: the id first, so a key holding dots still parses. */
export function formatCursor(cursor: ListCursor): string {
  return `${cursor.id}.${cursor.key}`;
}

export function parseCursor(text: string | undefined): ListCursor | null {
  const match = text ? /^(\d{1,10})\.([\s\S]{1,500})$/.exec(text) : null;
  if (!match) return null;
  const id = Number(match[1]);
  return id > 0 && id <= 2_147_483_647 ? { id, key: match[2]! } : null;
}

/** What the list knows of its length: exact, or a planner's estimate (`exact: false`) when counting would read too many rows. */
export interface ListTotal {
  total: number;
  exact: boolean;
}

/**
 * The page to show for the one asked for and what the page read told us: never a page
 * past the last. With an exact total the page is clamped before reading; with an estimate,
 * a page that came back short is the last one (so the total becomes exact), and one that
 * came back full with more behind it has at least one page after it.
 */
export function settlePages(
  known: ListTotal,
  read: { page: number; rows: number; more: boolean },
  pageSize: number,
): ListTotal & { pageCount: number } {
  if (known.exact) return { ...known, pageCount: Math.max(1, Math.ceil(known.total / pageSize)) };
  if (!read.more) {
    const total = (read.page - 1) * pageSize + read.rows;
    return { total, exact: true, pageCount: Math.max(1, read.page) };
  }
  const estimated = Math.max(known.total, read.page * pageSize + 1);
  return { total: estimated, exact: false, pageCount: Math.ceil(estimated / pageSize) };
}
