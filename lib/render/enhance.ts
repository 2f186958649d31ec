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
const PLACEHOLDER_ALT = /^(在这里插入图片描述|这里写图片描述|请添加图片描述|图片描述)?$/;
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

  const taken = unclobberIds(tree);
  const slugger = new GithubSlugger();
  const toc: TocEntry[] = [];
  visit(tree, 'element', (node) => {
    const match = HEADING.exec(node.tagName);
    if (match) {
      const depth = Math.min(6, Number(match[1]) + (hasH1 ? 1 : 0));
      node.tagName = `h${depth}`;
      const text = toString(node).trim();
      let id: string;
      do id = `${ID_PREFIX}${slugger.slug(text) || slugger.slug('section')}`;
      while (taken.has(id));
      taken.add(id);
      node.properties = { ...node.properties, id };
      // The footnotes' heading is for screen readers only, not a section of the article.
      const hidden = ([] as unknown[]).concat(node.properties.className ?? []).includes('sr-only');
      if (depth <= 3 && text && !hidden) toc.push({ depth, id, text });
      return SKIP;
    }
    // Wide code and tables scroll sideways: keyboard users must be able to reach them.
    if (node.tagName === 'pre' || node.tagName === 'table') node.properties = { ...node.properties, tabIndex: 0 };
    if (node.tagName === 'img') {
      node.properties = {
        ...node.properties,
        // The source editor's default alt text says nothing about the image.
        alt: PLACEHOLDER_ALT.test(String(node.properties.alt ?? '').trim()) ? '' : (node.properties.alt ?? ''),
        loading: 'lazy',
        decoding: 'async',
        referrerPolicy: 'no-referrer',
      };
    }
    if (node.tagName === 'a' && typeof node.properties.href === 'string' && /^https?:/i.test(node.properties.href)) {
      node.properties = { ...node.properties, rel: ['noopener', 'noreferrer'] };
    }
  });
  pointLinksAtPrefixedIds(tree, taken);
  return toc;
}

/**
 * Every id and name in a body carries this prefix (the sanitiser's clobber
 * prefix), so none can shadow the page's own (`__next_f`) or a global (`constructor`).
 */
export const ID_PREFIX = 'user-content-';

const decode = (fragment: string) => {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
};

/**
 * The sanitiser prefixes ids that remark-rehype had already prefixed (footnotes come
 * out `user-content-user-content-fn-1`): one prefix is kept. Returns every id and name.
 */
function unclobberIds(tree: Root): Set<string> {
  const taken = new Set<string>();
  visit(tree, 'element', (node) => {
    // A heading's id is replaced by its slug below.
    if (HEADING.test(node.tagName)) delete node.properties.id;
    for (const key of ['id', 'name'] as const) {
      let value = node.properties[key];
      if (typeof value !== 'string' || !value.startsWith(ID_PREFIX)) continue;
      while (value.startsWith(ID_PREFIX + ID_PREFIX)) value = value.slice(ID_PREFIX.length);
      node.properties[key] = value;
      taken.add(decode(value));
    }
  });
  return taken;
}

/** In-page links name the unprefixed id (`#intro`, `#fn-1`): aim them at the prefixed one that exists. */
function pointLinksAtPrefixedIds(tree: Root, taken: Set<string>) {
  visit(tree, 'element', (node) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
    const target = decode(href.slice(1));
    if (!taken.has(target) && taken.has(ID_PREFIX + target)) node.properties.href = `#${ID_PREFIX}${href.slice(1)}`;
  });
}
