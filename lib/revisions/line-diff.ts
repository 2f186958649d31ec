import { diffArrays } from 'diff';
import type { DiffRow } from './diff';

/** Line-level comparison: unique lines anchor the two texts (patience diff), diff's diffArrays fills the gaps. */

export type Hunk = { same: number } | { removed: string[]; added: string[]; rewrite: boolean };

// Past this edit distance the texts are rewrites, not edits: Myers would only burn time on noise.
const LINE_EDIT_LIMIT = 1000;

/** CRLF counts as LF, and a final newline is not a line of its own. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
}

export function splitLines(text: string): string[] {
  const normal = normalizeText(text);
  return normal === '' ? [] : normal.split('\n');
}

/**
 * The texts as runs of unchanged lines and stretches of changed ones. Patience-style:
 * lines found once on each side anchor the diff (so a moved block stays whole) and
 * Myers only fills the gaps, which keeps long texts fast and lines matched to their
 * own paragraph, not a stray blank line.
 */
export function lineHunks(a: string[], b: string[]): Hunk[] {
  // Numbering lines makes each comparison one integer check instead of a string compare.
  const ids = new Map<string, number>();
  const idOf = (line: string) => ids.get(line) ?? ids.set(line, ids.size).size - 1;
  const x = a.map(idOf);
  const y = b.map(idOf);
  const hunks: Hunk[] = [];
  const same = (count: number) => {
    const last = hunks.at(-1);
    if (last && 'same' in last) last.same += count;
    else if (count > 0) hunks.push({ same: count });
  };
  const edit = (removed: string[], added: string[], rewrite: boolean) => {
    const last = hunks.at(-1);
    if (!last || 'same' in last) return hunks.push({ removed, added, rewrite });
    append(last.removed, removed);
    append(last.added, added);
    last.rewrite ||= rewrite;
  };
  let i = 0;
  let j = 0;
  for (const [nextI, nextJ] of [...anchors(x, y), [x.length, y.length] as const]) {
    const changes = diffArrays(x.slice(i, nextI), y.slice(j, nextJ), {
      maxEditLength: LINE_EDIT_LIMIT,
    });
    if (!changes) edit(a.slice(i, nextI), b.slice(j, nextJ), true);
    for (const change of changes ?? []) {
      if (change.removed) edit(a.slice(i, (i += change.count)), [], false);
      else if (change.added) edit([], b.slice(j, (j += change.count)), false);
      else {
        same(change.count);
        i += change.count;
        j += change.count;
      }
    }
    same(nextI < x.length ? 1 : 0);
    i = nextI + 1;
    j = nextJ + 1;
  }
  return hunks;
}

function anchors(x: number[], y: number[]): (readonly [number, number])[] {
  const onlyAt = (ids: number[]) => {
    const at = new Map<number, number>();
    ids.forEach((id, k) => at.set(id, at.has(id) ? -1 : k));
    return at;
  };
  const inX = onlyAt(x);
  const inY = onlyAt(y);
  const pairs: (readonly [number, number])[] = [];
  x.forEach((id, k) => {
    const inOther = inY.get(id) ?? -1;
    if (inX.get(id) === k && inOther >= 0) pairs.push([k, inOther]);
  });
  // Longest run increasing on both sides, by patience sorting.
  const tails: number[] = [];
  const previous: number[] = [];
  pairs.forEach(([, target], k) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((pairs[tails[mid] ?? 0]?.[1] ?? 0) < target) low = mid + 1;
      else high = mid;
    }
    previous[k] = tails[low - 1] ?? -1;
    tails[low] = k;
  });
  const chain: (readonly [number, number])[] = [];
  for (let k = tails.at(-1) ?? -1; k >= 0; k = previous[k] ?? -1) chain.push(pairs[k] ?? [0, 0]);
  return chain.reverse();
}

/** Long unchanged stretches become one collapsed row, keeping `context` lines around each change. */
export function collapse(rows: DiffRow[], context: number): DiffRow[] {
  const out: DiffRow[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (rows[end]?.type === 'unchanged') end++;
    if (end === start) {
      append(out, rows.slice(start, ++end));
      start = end;
      continue;
    }
    // At either end of the text there is no change to give context to.
    const keepBefore = start === 0 ? 0 : context;
    const keepAfter = end === rows.length ? 0 : context;
    const hidden = end - start - keepBefore - keepAfter;
    const first = rows[start + keepBefore];
    if (hidden < 2 || first?.type !== 'unchanged') append(out, rows.slice(start, end));
    else {
      append(out, rows.slice(start, start + keepBefore));
      out.push({ type: 'collapsed', left: first.left, right: first.right, count: hidden });
      append(out, rows.slice(end - keepAfter, end));
    }
    start = end;
  }
  return out;
}

// push(...items) overflows the call stack on very long texts.
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
