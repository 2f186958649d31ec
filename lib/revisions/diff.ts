import { diffArrays } from 'diff';
import stringify from 'safe-stable-stringify';

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

type Hunk = { same: number } | { removed: string[]; added: string[]; rewrite: boolean };

// Past these edit distances the texts are rewrites, not edits: Myers would only burn time on noise.
const LINE_EDIT_LIMIT = 1000;
const WORD_EDIT_LIMIT = 600;
// A pair of lines sharing less than this share of its letters reads better as a replacement.
const MIN_SHARED = 0.3;
const PAIR_LOOKAHEAD = 4;
// V8's segmenter is super-linear in input length, so it only ever sees short chunks.
const MAX_CHUNK = 800;
const BREAK_AFTER = /[\s，。！？；：、,.!?;:)）」』】》]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

let segmenter: Intl.Segmenter | undefined;

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

/** Word-level tokens (Chinese segmented into words); joining them gives back `text` exactly. */
export function tokenize(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const tokens: string[] = [];
  for (const chunk of chunks(text)) {
    for (const { segment } of segmenter.segment(chunk)) tokens.push(segment);
  }
  return tokens;
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

function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
}

function splitLines(text: string): string[] {
  const normal = normalizeText(text);
  return normal === '' ? [] : normal.split('\n');
}

function* chunks(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const end = lineEnd - start <= MAX_CHUNK ? lineEnd : cutPoint(text, start);
    yield text.slice(start, end);
    start = end;
  }
}

function cutPoint(text: string, start: number): number {
  const limit = start + MAX_CHUNK;
  for (let i = limit; i > start + MAX_CHUNK / 2; i--) {
    if (BREAK_AFTER.test(text[i - 1] ?? '')) return i;
  }
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit + 1 : limit;
}

// Patience-style: lines found once on each side anchor the diff and Myers only fills the gaps,
// which keeps long texts fast and lines matched to their own paragraph, not a stray blank line.
function lineHunks(a: string[], b: string[]): Hunk[] {
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

function changedRows(
  { removed, added, rewrite }: Extract<Hunk, { removed: string[] }>,
  left: number,
  right: number,
): DiffRow[] {
  const rows: DiffRow[] = [];
  let pending: number[] = [];
  let next = 0;
  // Lines that found no similar partner sit side by side as whole-line replacements.
  const flush = (upTo: number) => {
    for (let k = 0; k < Math.max(pending.length, upTo - next); k++) {
      const i = pending[k];
      const j = next + k < upTo ? next + k : undefined;
      const parts: DiffPart[] = [];
      if (i !== undefined) parts.push({ text: removed[i] ?? '', change: 'removed' });
      if (j !== undefined) parts.push({ text: added[j] ?? '', change: 'added' });
      rows.push({
        type: 'changed',
        ...(i !== undefined && { left: left + i }),
        ...(j !== undefined && { right: right + j }),
        parts,
      });
    }
    pending = [];
    next = upTo;
  };
  removed.forEach((line, i) => {
    for (let j = next; !rewrite && j < Math.min(added.length, next + PAIR_LOOKAHEAD); j++) {
      const parts = diffWords(line, added[j] ?? '');
      if (!parts) continue;
      flush(j);
      rows.push({ type: 'changed', left: left + i, right: right + j, parts });
      next = j + 1;
      return;
    }
    pending.push(i);
  });
  flush(added.length);
  return rows;
}

function diffWords(a: string, b: string): DiffPart[] | undefined {
  const changes = diffArrays(tokenize(a), tokenize(b), { maxEditLength: WORD_EDIT_LIMIT });
  if (!changes) return undefined;
  const parts = trimCjkAffixes(
    changes.map((change): DiffPart => {
      const text = change.value.join('');
      return change.added
        ? { text, change: 'added' }
        : change.removed
          ? { text, change: 'removed' }
          : { text };
    }),
  );
  const letters = (text: string) => text.replace(/\s/g, '').length;
  const shared = parts.reduce((n, part) => n + (part.change ? 0 : letters(part.text)), 0);
  return shared >= MIN_SHARED * Math.max(letters(a), letters(b)) ? parts : undefined;
}

// The segmenter may join a new character to an old word ('有' → '没有'); marking only '没' reads better.
function trimCjkAffixes(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  const push = (text: string, change?: DiffPart['change']) => {
    if (text === '') return;
    const last = out.at(-1);
    if (last && last.change === change) last.text += text;
    else out.push(change ? { text, change } : { text });
  };
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    const following = parts[k + 1];
    if (!part) continue;
    if (part.change !== 'removed' || following?.change !== 'added') {
      push(part.text, part.change);
      continue;
    }
    const a = [...part.text];
    const b = [...following.text];
    let pre = 0;
    while (pre < a.length && pre < b.length && a[pre] === b[pre] && CJK.test(a[pre] ?? '')) pre++;
    let suf = 0;
    const same = (n: number) =>
      a[a.length - 1 - n] === b[b.length - 1 - n] && CJK.test(a[a.length - 1 - n] ?? '');
    while (suf < a.length - pre && suf < b.length - pre && same(suf)) suf++;
    push(a.slice(0, pre).join(''));
    push(a.slice(pre, a.length - suf).join(''), 'removed');
    push(b.slice(pre, b.length - suf).join(''), 'added');
    push(a.slice(a.length - suf).join(''));
    k++;
  }
  return out;
}

function collapse(rows: DiffRow[], context: number): DiffRow[] {
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
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
