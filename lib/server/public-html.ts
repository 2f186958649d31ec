import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { leanPage } from './lean-html';

/**
 * Public pages are server-rendered and work without JavaScript: no client
 * component, plain links, a GET search form. So readers get them without Next's
 * runtime and the RSC payload it would hydrate from (which repeats the page's
 * markup), and the CSP forbids scripts outright. The page is parsed as a
 * document and scripts are removed as elements, so text that merely looks like
 * markup (an article quoting `<script nonce="…">`) is never touched.
 */
const parser = unified().use(rehypeParse);
// End tags the HTML parser implies (`</p>`, `</li>`, `</head>`, …) are left out, as HTML allows: the same document in fewer bytes.
const serializer = unified().use(rehypeStringify, { characterReferences: { useNamedReferences: true }, omitOptionalTags: true });

type Parent = Root | Element;

const hasToken = (value: unknown, token: string) => Array.isArray(value) && value.map(String).includes(token);

/** An executable script or its preload; JSON-LD stays (it is data). */
function isScript(node: Element): boolean {
  if (node.tagName === 'script') return node.properties.type !== 'application/ld+json';
  if (node.tagName !== 'link') return false;
  const rel = node.properties.rel;
  return hasToken(rel, 'modulepreload') || (hasToken(rel, 'preload') && node.properties.as === 'script');
}

function* descendants(parent: Parent): Generator<RootContent> {
  for (const child of parent.children) {
    yield child;
    if (child.type === 'element') {
      yield* descendants(child);
      if (child.content) yield* descendants(child.content);
    }
  }
}

function removeScripts(parent: Parent) {
  parent.children = parent.children.filter((child) => child.type !== 'element' || !isScript(child));
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    delete child.properties.nonce;
    removeScripts(child);
    if (child.content) removeScripts(child.content);
  }
}

const ERROR_DOCUMENT = 'Next’s client-rendered error document';

/**
 * What only script could still show: a Suspense boundary React has not filled
 * (`<!--$?-->` with its `<template id="B:…">`, a hidden `S:` segment, or a
 * client-rendered `<!--$!-->`), or Next's empty error document. Found as nodes
 * of the parsed page: article text cannot produce them (the sanitizer allows no
 * comments or templates and prefixes every id with `user-content-`).
 */
export function pendingContent(tree: Root): string | null {
  for (const node of descendants(tree)) {
    if (node.type === 'comment' && (node.value === '$?' || node.value === '$!')) return `a pending Suspense boundary (<!--${node.value}-->)`;
    if (node.type !== 'element') continue;
    const id = String(node.properties.id ?? '');
    if (node.tagName === 'template' && id.startsWith('B:')) return `a Suspense placeholder (<template id="${id}">)`;
    if (node.properties.hidden && /^S:\d+$/.test(id)) return `a streamed segment (<div hidden id="${id}">)`;
    if (node.tagName === 'html' && id === '__next_error__') return ERROR_DOCUMENT;
  }
  return null;
}

export type PublicPage = { html: string } | { incomplete: string; errorDocument: boolean };

/** The page without executable scripts, script preloads, nonces or what only hydration reads (lean-html.ts), or what keeps it from being complete. */
export function scriptFreePage(html: string): PublicPage {
  const tree = parser.parse(html);
  const pending = pendingContent(tree);
  if (pending) return { incomplete: pending, errorDocument: pending === ERROR_DOCUMENT };
  removeScripts(tree);
  leanPage(tree);
  return { html: serializer.stringify(tree) };
}
