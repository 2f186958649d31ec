import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';

export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

const HEADING = /^h([1-6])$/;
const comparable = (text: string) => text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();

/**
 * Runs after sanitising, on trusted structure: drops a leading heading that only
 * repeats the title, keeps one h1 per page by shifting body headings down, gives
 * headings ids that work for CJK text, and makes images lazy, async and
 * referrer-free (the source CDN refuses other sites' Referer).
 */
export function enhance(tree: Root, title: string): TocEntry[] {
  const first = tree.children.find((node) => node.type === 'element') as Element | undefined;
  if (first && HEADING.test(first.tagName) && comparable(toString(first)) && comparable(title).startsWith(comparable(toString(first)))) {
    tree.children.splice(tree.children.indexOf(first), 1);
  }
  let hasH1 = false;
  visit(tree, 'element', (node) => {
    if (node.tagName === 'h1') hasH1 = true;
  });

  const slugger = new GithubSlugger();
  const toc: TocEntry[] = [];
  visit(tree, 'element', (node) => {
    const match = HEADING.exec(node.tagName);
    if (match) {
      const depth = Math.min(6, Number(match[1]) + (hasH1 ? 1 : 0));
      node.tagName = `h${depth}`;
      const text = toString(node).trim();
      const id = slugger.slug(text) || slugger.slug('section');
      node.properties = { ...node.properties, id };
      if (depth <= 3 && text) toc.push({ depth, id, text });
      return SKIP;
    }
    // Wide code and tables scroll sideways: keyboard users must be able to reach them.
    if (node.tagName === 'pre' || node.tagName === 'table') node.properties = { ...node.properties, tabIndex: 0 };
    if (node.tagName === 'img') {
      node.properties = {
        ...node.properties,
        alt: node.properties.alt ?? '',
        loading: 'lazy',
        decoding: 'async',
        referrerPolicy: 'no-referrer',
      };
    }
    if (node.tagName === 'a' && typeof node.properties.href === 'string' && /^https?:/i.test(node.properties.href)) {
      node.properties = { ...node.properties, rel: ['noopener', 'noreferrer'] };
    }
  });
  return toc;
}
