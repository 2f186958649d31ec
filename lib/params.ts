import type { Cursor } from '@/lib/listing/views';

/** Next.js hands dynamic params over percent-encoded; decode exactly once, tolerating bad escapes. */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A list cursor from `/[direction]/[id]` segments (`/before/123`, `/after/123`), else null. */
export function parseCursor(direction: string, id: string): Cursor | null {
  if (direction !== 'before' && direction !== 'after') return null;
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2 ** 31 - 1) return null;
  return { direction, id: Number(id) };
}

/**
 * A window's own URL, for its canonical link: an `/after/…` window with nothing newer shows the
 * list's first page, whose URL is the list's own (such links come from a list that has grown since).
 */
export function windowPath(basePath: string, window: { cursor: Cursor | null; newer: Cursor | null }): string {
  if (!window.cursor || (window.cursor.direction === 'after' && !window.newer)) return basePath;
  return cursorPath(basePath, window.cursor);
}

/** The path of a list window: `/before/123` under the list's own path. */
export function cursorPath(basePath: string, cursor: Cursor): string {
  return `${basePath === '/' ? '' : basePath}/${cursor.direction}/${cursor.id}`;
}

/** A month from `/archive/[year]/[month]` segments (`/archive/2024/09`), else null. */
export function parseMonth(year: string, month: string): { year: number; month: number } | null {
  if (!/^\d{4}$/.test(year) || !/^(0[1-9]|1[0-2])$/.test(month)) return null;
  return { year: Number(year), month: Number(month) };
}
