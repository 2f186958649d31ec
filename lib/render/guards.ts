import type { BodyFormat } from '@/lib/generated/prisma/enums.ts';
import { RenderError } from './errors';

/**
 * Limits checked in one linear pass before a body reaches a parser that is
 * super-linear in them (micromark's emphasis and bracket resolution, list and
 * quote nesting, GFM table rows; parse5's formatting elements). No real post
 * comes near them; a body that passes them still runs under the worker's budget.
 */
export const RENDER_LIMITS = {
  maxChars: 5_000_000,
  /** Lists and block quotes inside one another. */
  maxNesting: 100,
  /** `[` open at once in one paragraph. */
  maxOpenBrackets: 500,
  /** Emphasis and strikethrough marks (`*`, `_`, `~`) in one paragraph. */
  maxDelimiters: 1_000,
  maxColumns: 200,
  /** HTML or JSX elements open at once. */
  maxElementDepth: 500,
} as const;

const L = RENDER_LIMITS;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|[-+*][ \t]|\d{1,9}[.)][ \t]|>)/;
// Elements whose end tag may be left out, and void elements: they never stay open.
const NEVER_OPEN = new Set(
  'p li dt dd tr td th thead tbody tfoot colgroup option optgroup rb rt rtc rp html head body area base br col embed hr img input link meta source track wbr param keygen'.split(' '),
);

/**
 * Refuses, with what is too complex, a body that would take a parser seconds or
 * minutes: too long, nested too deeply, too many emphasis marks or open brackets
 * in one paragraph, or a table with too many columns. Linear in the body's length.
 */
export function assertRenderable(format: BodyFormat, body: string): void {
  assertSize(body);
  const elements = elementCounter();
  if (format === 'html') elements(body);
  else checkMarkdown(body, elements);
}

/** The one check cheap enough for the main thread. */
export function assertSize(body: string): void {
  if (body.length > L.maxChars) throw new RenderError(`正文过长：超过 ${L.maxChars / 1_000_000} MB（${body.length.toLocaleString('en')} 个字符）`);
}

/** Counts elements left open, per name, across the pieces of a body it is given. */
function elementCounter(): (text: string) => void {
  const open = new Map<string, number>();
  let depth = 0;
  return (text) => {
    // Autolinks (`<https://…>`, `<a@b.c>`) are not elements.
    for (const [, close, tag, selfClosing] of text.matchAll(/<(\/?)([A-Za-z][\w.-]*)(?![\w.:@-])(?:[^<>]*?(\/?)>|)/g)) {
      const name = tag!.toLowerCase();
      if (NEVER_OPEN.has(name) || selfClosing) continue;
      const count = open.get(name) ?? 0;
      // A close tag only counts against an element of its own name that is open.
      if (close && count === 0) continue;
      open.set(name, count + (close ? -1 : 1));
      depth += close ? -1 : 1;
      if (depth > L.maxElementDepth) throw new RenderError(`HTML 元素嵌套过深：超过 ${L.maxElementDepth} 层`);
    }
  };
}

function checkMarkdown(body: string, elements: (text: string) => void): void {
  const lines = body.split(/\r\n?|\n/);
  let fence: string | null = null;
  let delimiters = 0;
  let brackets = 0;
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence !== null) {
      if (line.trimStart().startsWith(fence)) fence = null;
      continue;
    }
    const opened = FENCE.exec(line);
    if (opened) {
      fence = opened[1]!;
      continue;
    }
    if (!line.trim()) {
      delimiters = brackets = 0;
      inTable = false;
      continue;
    }
    checkNesting(line);
    if (line.includes('<')) elements(line.replace(/`[^`]*`/g, ''));
    if (isDelimiterRow(line, lines[i - 1] ?? '')) {
      inTable = true;
      delimiters = brackets = 0;
      continue;
    }
    // A new block (or a table row) starts a new inline context.
    if (inTable || BLOCK_START.test(line)) delimiters = brackets = 0;
    let pipes = 0;
    let deepest = 0;
    for (let k = 0; k < line.length; k++) {
      const c = line.charCodeAt(k);
      if (c === BACKSLASH) k++;
      else if (c === STAR || c === TILDE || (c === UNDERSCORE && !intraword(line, k))) delimiters++;
      else if (c === OPEN) deepest = Math.max(deepest, ++brackets);
      else if (c === CLOSE && brackets > 0) brackets--;
      // Any line, in a table or not (a quote or list may hold one): its cell separators.
      else if (c === PIPE) pipes++;
    }
    if (delimiters > L.maxDelimiters) throw new RenderError(`一个段落中的强调符号（* _ ~）过多：超过 ${L.maxDelimiters} 个`);
    if (deepest > L.maxOpenBrackets) throw new RenderError(`方括号嵌套过深或未闭合的方括号过多：超过 ${L.maxOpenBrackets} 个`);
    if (pipes > L.maxColumns + 1) throw new RenderError(`表格列数过多：超过 ${L.maxColumns} 列`);
  }
}

const [BACKSLASH, STAR, TILDE, UNDERSCORE, OPEN, CLOSE, PIPE] = [...'\\*~_[]|'].map((c) => c.charCodeAt(0));
const WORD = /[\p{L}\p{N}]/u;
/** `snake_case`: an underscore between letters opens and closes nothing. */
const intraword = (line: string, k: number) => WORD.test(line[k - 1] ?? '') && WORD.test(line[k + 1] ?? '');

/** List markers and `>` at the start of a line, plus two columns of indentation before a marker as one level. */
function checkNesting(line: string): void {
  if (THEMATIC_BREAK.test(line)) return;
  let depth = 0;
  let indent = 0;
  let k = 0;
  while (k < line.length) {
    const c = line[k]!;
    if (c === ' ' || c === '\t') {
      if (depth === 0) indent += c === '\t' ? 4 : 1;
      k++;
    } else if (c === '>') {
      depth++;
      k++;
    } else if ((c === '-' || c === '+' || c === '*') && /^[ \t]|^$/.test(line.slice(k + 1, k + 2))) {
      depth++;
      k++;
    } else {
      const ordered = /^\d{1,9}[.)](?:[ \t]|$)/.exec(line.slice(k, k + 11));
      if (!ordered) break;
      depth++;
      k += ordered[0].length;
    }
    if (depth > 0 && depth + Math.floor(indent / 2) > L.maxNesting) {
      throw new RenderError(`列表或引用嵌套过深：超过 ${L.maxNesting} 层`);
    }
  }
}

/** A GFM table's delimiter row (`|---|:-:|`) under a header row with as many cells. */
function isDelimiterRow(line: string, header: string): boolean {
  if (!/^[-|: \t]+$/.test(line) || !line.includes('-') || !line.includes('|')) return false;
  const cells = (row: string) => row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).length;
  return cells(line) === cells(header);
}
