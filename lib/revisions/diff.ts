import stringify from 'safe-stable-stringify';
import { append, collapse, lineHunks, normalizeText, splitLines } from './line-diff';
import { changedRows } from './word-diff';

/** One front-matter field compared across two revisions; values are display text. */
export type FieldChange = {
  field: string;
  kind: 'added' | 'removed' | 'changed' | 'unchanged';
  before?: string;
  after?: string;
};

/** What `changedFields` compares: the parts of a revision an editor can change. */
export type RevisionContent = {
  frontMatter: Record<string, unknown>;
  format: string;
  body: string;
};

/** A run of text in a changed line; `change` is absent for text both sides share. */
export type DiffPart = { text: string; change?: 'added' | 'removed' };

/**
 * One row of a body diff, for both the split and the inline view; line numbers are 1-based.
 * A changed row has `left` when the old side has a line and `right` when the new side has one;
 * its parts interleave both sides: removed parts are old-only, added parts new-only.
 * A collapsed row stands for `count` unchanged lines starting at lines `left` / `right`.
 */
export type DiffRow =
  | { type: 'unchanged'; left: number; right: number; text: string }
  | { type: 'changed'; left?: number; right?: number; parts: DiffPart[] }
  | { type: 'collapsed'; left: number; right: number; count: number };

export type DiffBodyOptions = {
  context?: number;
  /** Pair changed lines and mark the words that changed (default); false gives whole-line changes only. */
  words?: boolean;
};

/** Compares front matter field by field, in `before` order then new `after` fields, unchanged ones included. */
export function diffFrontMatter(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].flatMap((field): FieldChange[] => {
    const a = before[field];
    const b = after[field];
    if (a === undefined && b === undefined) return [];
    if (a === undefined) return [{ field, kind: 'added', after: displayValue(b) }];
    if (b === undefined) return [{ field, kind: 'removed', before: displayValue(a) }];
    const kind = stringify(a) === stringify(b) ? 'unchanged' : 'changed';
    return [{ field, kind, before: displayValue(a), after: displayValue(b) }];
  });
}

/** Names of what changed between two revisions: front-matter fields, then `format` and `body`. */
export function changedFields(before: RevisionContent, after: RevisionContent): string[] {
  const fields = diffFrontMatter(before.frontMatter, after.frontMatter)
    .filter((change) => change.kind !== 'unchanged')
    .map((change) => change.field);
  if (before.format !== after.format) fields.push('format');
  if (normalizeText(before.body) !== normalizeText(after.body)) fields.push('body');
  return [...new Set(fields)];
}

/**
 * Diffs two bodies line by line, then changed line pairs word by word, collapsing long unchanged
 * stretches to `context` lines (default 3) around each change. CRLF counts as LF and a final
 * newline is not a line of its own.
 */
export function diffBody(
  before: string,
  after: string,
  { context = 3, words = true }: DiffBodyOptions = {},
): DiffRow[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const rows: DiffRow[] = [];
  let left = 1;
  let right = 1;
  for (const hunk of lineHunks(a, b)) {
    if ('same' in hunk) {
      for (let k = 0; k < hunk.same; k++, left++, right++) {
        rows.push({ type: 'unchanged', left, right, text: a[left - 1] ?? '' });
      }
      continue;
    }
    append(rows, changedRows(words ? hunk : { ...hunk, rewrite: true }, left, right));
    left += hunk.removed.length;
    right += hunk.added.length;
  }
  return collapse(rows, Math.max(0, Math.floor(context)));
}

/** Counts changed lines on each side, as `git diff --stat` would. */
export function diffStats(rows: readonly DiffRow[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const row of rows) {
    if (row.type !== 'changed') continue;
    if (row.left !== undefined) removed++;
    if (row.right !== undefined) added++;
  }
  return { added, removed };
}

/** The parts of a changed row that one side shows: the old side drops added text, the new side removed text. */
export function sideParts(parts: readonly DiffPart[], side: 'before' | 'after'): DiffPart[] {
  const hidden = side === 'before' ? 'added' : 'removed';
  return parts.filter((part) => part.change !== hidden);
}

function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return displayDate(value);
  if (Array.isArray(value) && value.every(isScalar)) return value.map(displayValue).join(', ');
  if (isScalar(value)) return String(value);
  return stringify(value) ?? String(value);
}

function displayDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return String(date);
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function isScalar(value: unknown): boolean {
  return (
    value === null ||
    value instanceof Date ||
    ['string', 'number', 'boolean', 'bigint'].includes(typeof value)
  );
}

