import { Parser } from 'htmlparser2';
import { hasToken, isImplied, leanStartTag, OPTIONAL_END, RepeatedMetadata, type Attributes, type EndTag, type Range } from './lean-html';

/**
 * Public pages are server-rendered and work without JavaScript: no client
 * component, plain links, a GET search form. So readers get them without Next's
 * runtime and the RSC payload it would hydrate from (which repeats the page's
 * markup), and the CSP forbids scripts outright. The page is tokenized as HTML
 * once: scripts are cut out as elements, what only hydration reads goes
 * (lean-html.ts), and everything else is kept byte for byte, so text that merely
 * looks like markup (an article quoting `<script nonce="…">`) is never touched.
 * Tokenizing, not building a tree, keeps this to a small part of a page's render.
 */

/** An executable script or its preload; JSON-LD stays (it is data). */
function isScript(name: string, attributes: Attributes): boolean {
  if (name === 'script') return attributes.type !== 'application/ld+json';
  if (name !== 'link') return false;
  return hasToken(attributes.rel, 'modulepreload') || (hasToken(attributes.rel, 'preload') && attributes.as === 'script');
}

const ERROR_DOCUMENT = 'Next’s client-rendered error document';

/**
 * What only script could still show: a Suspense boundary React has not filled
 * (`<!--$?-->` with its `<template id="B:…">`, a hidden `S:` segment, or a
 * client-rendered `<!--$!-->`), or Next's empty error document. Found as tokens
 * of the page: article text cannot produce them (the sanitizer allows no
 * comments or templates and prefixes every id with `user-content-`).
 */
function pendingElement(name: string, attributes: Attributes): string | null {
  const id = attributes.id ?? '';
  if (name === 'template' && id.startsWith('B:')) return `a Suspense placeholder (<template id="${id}">)`;
  if ('hidden' in attributes && /^S:\d+$/.test(id)) return `a streamed segment (<div hidden id="${id}">)`;
  if (name === 'html' && id === '__next_error__') return ERROR_DOCUMENT;
  return null;
}

export type PublicPage = { html: string } | { incomplete: string; errorDocument: boolean };

interface Open {
  name: string;
  start: number;
  /** A hidden <div> with nothing but comments in it so far (a resolved boundary's leftover). */
  emptyHidden: boolean;
}

/** The page without executable scripts, script preloads, nonces or what only hydration reads, or what keeps it from being complete. */
export function scriptFreePage(html: string): PublicPage {
  // Ranges of the page replaced by a string ('' to cut).
  const edits: (Range & { text: string })[] = [];
  const cut = (range: Range) => edits.push({ ...range, text: '' });
  const metadata = new RepeatedMetadata();
  const stack: Open[] = [];
  let pending: string | null = null;
  let scriptStart = -1;
  let lastEnd: EndTag | null = null;
  /** The next token decides whether the end tag just read was implied. */
  const follow = (next: string) => {
    if (lastEnd && isImplied(lastEnd, next)) cut(lastEnd);
    lastEnd = null;
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const range = { start: parser.startIndex, end: parser.endIndex + 1 };
        // A hidden <div> may be cut as a leftover below: it never decides that the end tag before it was implied.
        if (scriptStart < 0) follow(name === 'div' && 'hidden' in attributes ? '#hidden-div' : name);
        pending ??= pendingElement(name, attributes);
        const parent = stack.at(-1);
        if (parent) parent.emptyHidden = false;
        stack.push({ name, start: range.start, emptyHidden: name === 'div' && 'hidden' in attributes });
        if (scriptStart >= 0) return;
        if (isScript(name, attributes)) {
          if (name === 'script') scriptStart = range.start;
          else cut(range);
          return;
        }
        metadata.see(name, attributes, range);
        const lean = leanStartTag(name, attributes);
        if (lean !== null) edits.push({ ...range, text: lean });
      },
      ontext(text) {
        if (scriptStart >= 0) return;
        lastEnd = null;
        const open = stack.at(-1);
        if (open && text) open.emptyHidden = false;
      },
      onclosetag(name, implied) {
        const open = stack.pop();
        const range = { start: parser.startIndex, end: parser.endIndex + 1 };
        if (name === 'script' && scriptStart >= 0) {
          // An unclosed script at the end of the page runs to the end.
          cut({ start: scriptStart, end: implied ? html.length : range.end });
          scriptStart = -1;
          return;
        }
        if (scriptStart >= 0 || implied) return;
        follow(`/${name}`);
        if (open?.emptyHidden) {
          // Only comments inside, all cut already: the whole element goes.
          edits.splice(0, edits.length, ...edits.filter((edit) => edit.start < open.start));
          cut({ start: open.start, end: range.end });
          return;
        }
        if (OPTIONAL_END.has(name)) lastEnd = { ...range, name, parent: stack.at(-1)?.name ?? '' };
      },
      oncomment(data) {
        if (scriptStart >= 0) return;
        if (data === '$?' || data === '$!') pending ??= `a pending Suspense boundary (<!--${data}-->)`;
        // Cut, and transparent to the end tag before it: the next tag decides.
        cut({ start: parser.startIndex, end: parser.endIndex + 1 });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.end(html);
  follow('');
  if (pending) return { incomplete: pending, errorDocument: pending === ERROR_DOCUMENT };
  for (const range of metadata.repeated()) edits.push({ ...range, text: '' });
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end, text } of edits) {
    if (start < at) continue;
    out += html.slice(at, start) + text;
    at = end;
  }
  return { html: out + html.slice(at) };
}
