import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import type { Root as Mdast } from 'mdast';
import { find, hastToReact, html as htmlSchema, svg as svgSchema, type Schema } from 'property-information';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit, EXIT } from 'unist-util-visit';
import { VFile } from 'vfile';
import { remarkDollarsAsText } from './math';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkDollarsAsText);
const toHast = unified().use(remarkRehype);

/**
 * Plain Markdown straight to hast, without mdx-bundler's bundle-and-evaluate round
 * trip (ten times faster), giving the tree that round trip gives. Only for bodies
 * without raw HTML: those (null here) keep going through mdx-bundler, whose JSX
 * round trip shapes raw elements in ways not worth copying.
 */
export function compilePlainMarkdown(body: string): Root | null {
  const file = new VFile(body);
  const mdast = parser.parse(file) as Mdast;
  let hasHtml = false;
  visit(mdast, 'html', () => {
    hasHtml = true;
    return EXIT;
  });
  if (hasHtml) return null;
  const tree = toHast.runSync(parser.runSync(mdast, file) as Mdast) as Root;
  return { type: 'root', children: trimWhitespace(tree.children.flatMap((child) => asCompiled(child, htmlSchema))) as RootContent[] };
}

// The JSX conversion drops line breaks between table rows and cells (React warns about them).
const TABLE_ELEMENTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);

const blank = (node: RootContent | ElementContent) => node.type === 'text' && /^[ \t\n\f\r]*$/.test(node.value);

/** A compiled fragment drops the whitespace-only text at its two ends. */
function trimWhitespace(children: ElementContent[]): ElementContent[] {
  let start = 0;
  let end = children.length;
  while (start < end && blank(children[start]!)) start++;
  while (end > start && blank(children[end - 1]!)) end--;
  return children.slice(start, end);
}

/**
 * What hast-util-to-estree and our JSX runtime (hast-runtime.ts) make of a node:
 * comments and empty text vanish, properties take their JSX names with string
 * values (lists joined), `style` and a table cell's `align` become a style object,
 * which the runtime drops; line breaks inside table structure go.
 */
function asCompiled(node: RootContent | ElementContent, schema: Schema): ElementContent[] {
  if (node.type === 'text') return node.value ? [node] : [];
  if (node.type !== 'element') return [];
  const inner = schema.space === 'html' && node.tagName.toLowerCase() === 'svg' ? svgSchema : schema;
  const properties: Properties = {};
  for (const [property, raw] of Object.entries(node.properties ?? {})) {
    const info = find(inner, property);
    let value = raw;
    if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value)) || (!value && info.boolean)) continue;
    const name = info.space ? hastToReact[info.property] || info.property : info.attribute;
    if (name === 'style' || ((node.tagName === 'td' || node.tagName === 'th') && name === 'align')) continue;
    if (Array.isArray(value)) value = value.join(info.commaSeparated ? ', ' : ' ').trim();
    properties[name] = value === true ? true : String(value);
  }
  const element: Element = {
    type: 'element',
    tagName: node.tagName,
    properties,
    children: node.children.flatMap((child) =>
      inner.space === 'html' && TABLE_ELEMENTS.has(node.tagName.toLowerCase()) && child.type === 'text' && child.value === '\n' ? [] : asCompiled(child, inner),
    ),
  };
  return [element];
}
