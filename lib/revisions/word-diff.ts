import { diffArrays } from 'diff';
import type { DiffPart, DiffRow } from './diff';
import type { Hunk } from './line-diff';

/**
 * Word-level comparison of changed lines: words from Intl.Segmenter (Chinese
 * segmented into words), compared with diff's diffArrays. Not diffWords with its
 * `intlSegmenter` option: that hands a whole line to V8's segmenter, whose time
 * grows much faster than the line (60,000 characters take seconds, 240,000 take
 * minutes), and it ignores changes of whitespace, which the two sides must keep.
 */

const WORD_EDIT_LIMIT = 600;
// A pair of lines sharing less than this share of its letters reads better as a replacement.
const MIN_SHARED = 0.3;
const PAIR_LOOKAHEAD = 4;
// V8's segmenter is super-linear in input length, so it only ever sees short chunks.
const MAX_CHUNK = 800;
const BREAK_AFTER = /[\s，。！？；：、,.!?;:)）」』】》]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

let segmenter: Intl.Segmenter | undefined;

/** Word-level tokens (Chinese segmented into words); joining them gives back `text` exactly. */
export function tokenize(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const tokens: string[] = [];
  for (const chunk of chunks(text)) {
    for (const { segment } of segmenter.segment(chunk)) tokens.push(segment);
  }
  return tokens;
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

/** The rows of one changed stretch: removed lines paired with similar added ones (marked word by word), the rest whole. */
export function changedRows(
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
      const parts = wordParts(line, added[j] ?? '');
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

/** The parts of a changed pair of lines, word by word; undefined when they share too little to read as an edit. */
function wordParts(a: string, b: string): DiffPart[] | undefined {
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

