import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { classesOf } from './classes';
import { resolveLanguage } from './highlight';

const element = (tagName: string, className: string[], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties: { className },
  children,
});

/**
 * Before sanitising an HTML body, turns what the source platform's own scripts
 * made into what our pipeline makes from source: KaTeX it typeset becomes the TeX
 * it came from (typeset again after sanitising), line-number gutters inside code
 * go, a highlight.js block's bare language class (`hljs python`) is named
 * `language-python`, and the platform's table of contents (`div.toc`) goes,
 * since the page shows the generated one.
 */
export function fromPlatformHtml(tree: Root): Root {
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const classes = classesOf(node);
    const tex =
      classes.includes('katex--inline') || classes.includes('katex--display')
        ? texOf(node)
        : undefined;
    if (tex !== undefined) {
      const display = classes.includes('katex--display');
      const code = element(
        'code',
        ['language-math', display ? 'math-display' : 'math-inline'],
        [{ type: 'text', value: tex }],
      );
      parent.children[index] = display ? element('pre', [], [code]) : code;
      return SKIP;
    }
    if (
      (node.tagName === 'div' && classes.includes('toc')) ||
      (node.tagName === 'ul' && classes.includes('pre-numbering'))
    ) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.tagName === 'code' && !classes.some((c) => c.startsWith('language-'))) {
      const named = classes.find((c) => c !== 'hljs' && resolveLanguage(c));
      if (named) node.properties.className = [...classes, `language-${named}`];
    }
  });
  return tree;
}

function texOf(node: Element): string | undefined {
  let tex: string | undefined;
  visit(node, 'element', (child) => {
    if (child.tagName === 'annotation' && child.properties.encoding === 'application/x-tex')
      tex = toString(child).trim();
  });
  return tex;
}

const TOC_TITLE = /^(文章)?目录$|^table of contents$|^contents$/i;
const MARKER = /^@?\[TOC\]$|^@TOC$/;

const isInPageList = (node: ElementContent | undefined): boolean => {
  if (node?.type !== 'element' || (node.tagName !== 'ul' && node.tagName !== 'ol')) return false;
  let links = 0;
  let outside = false;
  visit(node, 'element', (child) => {
    if (child.tagName !== 'a') return;
    links++;
    if (!String(child.properties.href ?? '').startsWith('#')) outside = true;
  });
  return links > 0 && !outside;
};

/**
 * After sanitising, for every format: a table of contents written into the body
 * (a 目录 heading over a list of in-page links, alone or in a box) and the
 * source editor's `@[TOC](…)` marker go, so a page never shows two.
 */
export function dropWrittenToc(tree: Root): void {
  const next = (children: ElementContent[], i: number) =>
    children.slice(i + 1).find((c) => c.type === 'element');
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined || !/^(h[1-6]|p)$/.test(node.tagName)) return;
    const text = toString(node).trim();
    if (node.tagName === 'p' && MARKER.test(text)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (!TOC_TITLE.test(text)) return;
    const siblings = parent.children as ElementContent[];
    const list = next(siblings, index);
    if (!isInPageList(list)) return;
    const others = siblings.filter((c) => c.type === 'element' && c !== node && c !== list);
    // Alone in a box (the platform's div.toc, unwrapped): the box goes; else the title and its list.
    if (parent.type === 'element' && others.length === 0) {
      parent.children = [];
      return SKIP;
    }
    siblings.splice(siblings.indexOf(list as Element), 1);
    siblings.splice(index, 1);
    return [SKIP, index];
  });
}
