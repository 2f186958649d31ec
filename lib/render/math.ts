import type { Root } from 'hast';
import type { Root as Mdast, Text } from 'mdast';
import rehypeKatex from 'rehype-katex';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { classesOf } from './classes';

const MATH_CLASSES = new Set(['language-math', 'math-inline', 'math-display']);

/**
 * `$5 and $10` is money, not maths: like Pandoc, inline `$…$` is maths only when
 * no space follows the opening `$` or precedes the closing one, and no digit
 * follows the closing one. Anything else is put back as the text it was.
 */
export function remarkDollarsAsText() {
  return (tree: Mdast, file: VFile) => {
    const source = String(file.value ?? '');
    visit(tree, 'inlineMath', (node, index, parent) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (!parent || index === undefined || start === undefined || end === undefined) return;
      const raw = source.slice(start, end);
      const inner = raw.replace(/^\$+|\$+$/g, '');
      if (inner && !/^\s|\s$/.test(inner) && !/^\d/.test(source.slice(end, end + 1))) return;
      parent.children.splice(index, 1, { type: 'text', value: raw } satisfies Text);
      return [SKIP, index + 1];
    });
  };
}

// KaTeX's own safety settings for untrusted input: no \href, \url, \includegraphics
// or \html*, and bounded macro expansion and sizes.
const typesetter = unified().use(rehypeKatex, {
  trust: false,
  maxExpand: 1_000,
  maxSize: 50,
  strict: 'ignore',
  output: 'htmlAndMathml',
});

/**
 * Typesets the maths remark-math marked (`code.math-inline`, `code.math-display`,
 * ```` ```math ```` fences) with KaTeX, in place. Runs after the sanitiser, on
 * trusted structure: the formulas' own markup (classes, inline sizes) is KaTeX's
 * and never the body's.
 */
export async function typesetMath(tree: Root): Promise<void> {
  let found = false;
  visit(tree, 'element', (node) => {
    const classes = classesOf(node);
    if (!classes.some((c) => MATH_CLASSES.has(c))) return;
    // rehype-katex reads className as a list; the JSX round trip leaves it a string.
    node.properties.className = classes;
    found = true;
  });
  if (!found) return;
  await typesetter.run(tree);
  // A display formula wider than the column scrolls: keyboard users must be able to reach it.
  visit(tree, 'element', (node) => {
    if (classesOf(node).includes('katex-display')) node.properties.tabIndex = 0;
  });
}
