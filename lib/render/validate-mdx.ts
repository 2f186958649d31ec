import type { Root } from 'mdast';
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
 * and HTML elements; `import`/`export` and `{JavaScript}` are refused here, at
 * save time, so compiled MDX never carries code of an editor's.
 */
export function assertSafeMdx(source: string): void {
  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).parse(source) as Root;
  } catch (error) {
    const e = error as { reason?: string; message: string; line?: number; column?: number };
    throw new RenderError(`MDX syntax error: ${e.reason ?? e.message}`, e.line, e.column);
  }
  visit(tree, (node) => {
    const n = node as unknown as Positioned & { type: string; name?: string | null; attributes?: { type: string; name?: string; value?: unknown }[] };
    if (n.type === 'mdxjsEsm') throw new RenderError('import and export statements are not allowed in MDX', ...at(n));
    if (n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') {
      throw new RenderError('JavaScript expressions in braces {…} are not allowed in MDX', ...at(n));
    }
    if (n.type !== 'mdxJsxFlowElement' && n.type !== 'mdxJsxTextElement') return;
    const name = n.name ?? '';
    if (/^[A-Z]/.test(name) && !MDX_COMPONENT_NAMES.includes(name)) {
      throw new RenderError(`unknown component <${name}>; allowed: ${MDX_COMPONENT_NAMES.map((c) => `<${c}>`).join(', ')}`, ...at(n));
    }
    if (name.includes('.') || name.includes(':')) throw new RenderError(`<${name}> is not allowed`, ...at(n));
    for (const attribute of n.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && typeof attribute.value !== 'string' && attribute.value !== undefined)) {
        throw new RenderError(`<${name}>: attribute values must be plain "strings", not {expressions}`, ...at(n));
      }
    }
  });
}
