import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { RenderError } from './errors';
import { MDX_COMPONENT_NAMES } from './mdx-components';

interface Positioned {
  position?: { start: { line: number; column: number } };
}

const at = (node: Positioned) => [node.position?.start.line, node.position?.start.column] as const;

/**
 * MDX bodies may use the allow-listed components with plain string attributes,
 * and HTML elements; `import`/`export` and `{JavaScript}` are refused, so
 * compiled MDX never carries code of an editor's. Parsed with the compiler's own
 * syntax (GFM too: a footnote can hold JSX; maths: `$\\frac{a}{b}$` holds no expression) to report errors early, at save time.
 */
export function assertSafeMdx(source: string): void {
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).parse(source) as Root;
  } catch (error) {
    const e = error as { reason?: string; message: string; line?: number; column?: number };
    throw new RenderError(`MDX 语法错误：${e.reason ?? e.message}`, e.line, e.column);
  }
  rejectUnsafeNodes(tree);
}

/**
 * The same check inside the compiler, as its first transform: it sees exactly
 * the tree that is compiled, whatever syntax produced it.
 */
export function remarkRejectUnsafeMdx() {
  return (tree: Root) => rejectUnsafeNodes(tree);
}

function rejectUnsafeNodes(tree: Root): void {
  visit(tree, (node) => {
    const n = node as unknown as Positioned & { type: string; name?: string | null; attributes?: { type: string; name?: string; value?: unknown }[] };
    if (n.type === 'mdxjsEsm') throw new RenderError('MDX 中不允许 import 与 export 语句', ...at(n));
    if (n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') {
      throw new RenderError('MDX 中不允许花括号 {…} 里的 JavaScript 表达式', ...at(n));
    }
    if (n.type !== 'mdxJsxFlowElement' && n.type !== 'mdxJsxTextElement') return;
    const name = n.name ?? '';
    if (/^[A-Z]/.test(name) && !MDX_COMPONENT_NAMES.includes(name)) {
      throw new RenderError(`未知组件 <${name}>；可用：${MDX_COMPONENT_NAMES.map((c) => `<${c}>`).join('、')}`, ...at(n));
    }
    if (name.includes('.') || name.includes(':')) throw new RenderError(`不允许 <${name}>`, ...at(n));
    for (const attribute of n.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && typeof attribute.value !== 'string' && attribute.value !== undefined)) {
        throw new RenderError(`<${name}>：属性值须为普通 "字符串"，不能是 {表达式}`, ...at(n));
      }
    }
  });
}
