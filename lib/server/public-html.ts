import { Parser } from 'htmlparser2';

/**
 * Public pages are server-rendered and work without JavaScript: no client
 * component, plain links, a GET search form. So readers get them without Next's
 * runtime and the RSC payload it would hydrate from (which repeats the page's
 * markup), and the CSP forbids scripts outright. The page is tokenized as HTML
 * and scripts are cut out as elements, everything else kept byte for byte, so
 * text that merely looks like markup (an article quoting `<script nonce="…">`)
 * is never touched. Tokenizing, not building a tree, keeps this to a small part
 * of a page's render.
 */

type Attributes = Record<string, string>;

const hasToken = (value: string | undefined, token: string) => (value ?? '').toLowerCase().split(/\s+/).includes(token);

/** An executable script or its preload; JSON-LD stays (it is data). */
function isScript(name: string, attributes: Attributes): boolean {
  if (name === 'script') return attributes.type !== 'application/ld+json';
  if (name !== 'link') return false;
  return hasToken(attributes.rel, 'modulepreload') || (hasToken(attributes.rel, 'preload') && attributes.as === 'script');
}

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** A start tag written again without its nonce. */
function withoutNonce(name: string, attributes: Attributes): string {
  const rest = Object.entries(attributes)
    .filter(([key]) => key !== 'nonce')
    .map(([key, value]) => (value === '' ? ` ${key}` : ` ${key}="${escapeAttribute(value)}"`));
  return `<${name}${rest.join('')}>`;
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

/** The page without executable scripts, script preloads or nonces, or what keeps it from being complete. */
export function scriptFreePage(html: string): PublicPage {
  // [start, end) ranges of the page replaced by a string ('' to cut), in order.
  const edits: { start: number; end: number; text: string }[] = [];
  let pending: string | null = null;
  let scriptStart = -1;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        pending ??= pendingElement(name, attributes);
        if (isScript(name, attributes)) {
          if (name === 'script') scriptStart = parser.startIndex;
          else edits.push({ start: parser.startIndex, end: parser.endIndex + 1, text: '' });
        } else if ('nonce' in attributes && scriptStart < 0) {
          edits.push({ start: parser.startIndex, end: parser.endIndex + 1, text: withoutNonce(name, attributes) });
        }
      },
      onclosetag(name, isImplied) {
        if (name !== 'script' || scriptStart < 0) return;
        // An unclosed script at the end of the page runs to the end.
        edits.push({ start: scriptStart, end: isImplied ? html.length : parser.endIndex + 1, text: '' });
        scriptStart = -1;
      },
      oncomment(data) {
        if (data === '$?' || data === '$!') pending ??= `a pending Suspense boundary (<!--${data}-->)`;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.end(html);
  if (pending) return { incomplete: pending, errorDocument: pending === ERROR_DOCUMENT };
  let out = '';
  let at = 0;
  for (const { start, end, text } of edits) {
    out += html.slice(at, start) + text;
    at = end;
  }
  return { html: out + html.slice(at) };
}
