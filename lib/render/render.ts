import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { bundleMDX } from 'mdx-bundler';
import { getMDXExport } from 'mdx-bundler/client/jsx.js';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { unified } from 'unified';
import type { BodyFormat } from '@/lib/generated/prisma/enums.ts';
import { enhance, type TocEntry } from './enhance';
import { RenderError } from './errors';
import * as runtime from './hast-runtime';
import { mdxComponents } from './mdx-components';
import { imagesAsFigures } from './figures';
import { highlightCode } from './highlight';
import { compilePlainMarkdown } from './markdown';
import { remarkDollarsAsText, typesetMath } from './math';
import { dropWrittenToc, fromPlatformHtml } from './platform';
import { readingMinutes } from './reading-time';
import { sanitizeSchema } from './schema';
import { assertSafeMdx, remarkRejectUnsafeMdx } from './validate-mdx';

/** Bump when the output of this pipeline changes, so stored renders are redone. */
export const RENDERER_VERSION = 4;

export interface RenderedBody {
  html: string;
  toc: TocEntry[];
  /** The visible text, for search, snippets and reading time. */
  text: string;
  readingMinutes: number;
  /** Identifies the source and pipeline the HTML came from. */
  renderHash: string;
  /** `text` segmented for the search index (segmentForIndex), when the render worker did it. */
  searchWords?: string;
}

const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

/** `v<version>:<sha256>`: the prefix lets a query find renders made by an older pipeline. */
export function renderHashOf(format: BodyFormat, body: string): string {
  return `${RENDER_HASH_PREFIX}${createHash('sha256').update(`${format}\0${body}`).digest('hex')}`;
}

export const RENDER_HASH_PREFIX = `v${RENDERER_VERSION}:`;

/** Markdown and MDX through mdx-bundler, evaluated once into a hast tree (no React, no browser code). */
export async function compileWithMdxBundler(format: 'markdown' | 'mdx', body: string): Promise<Root> {
  if (format === 'mdx') assertSafeMdx(body);
  let code: string;
  try {
    ({ code } = await bundleMDX({
      source: body,
      // The body has no front matter of its own: a leading thematic break is content.
      grayMatterOptions: (options) => ({ ...options, delimiters: '\u0000no-front-matter\u0000' }),
      mdxOptions(options) {
        if (format === 'markdown') {
          // mdx-bundler names its in-memory entry *.mdx: have that extension parsed as plain Markdown.
          Object.assign(options, { format: 'md', mdExtensions: ['.mdx'], mdxExtensions: [] });
        }
        // Only GFM and the safety check: mdx-bundler's front-matter plugins would read a leading
        // `---` block of the body as front matter (the file's front matter is already gone).
        options.remarkPlugins = [remarkGfm, remarkMath, remarkDollarsAsText, remarkRejectUnsafeMdx];
        // Raw HTML in Markdown becomes elements, which the sanitiser then vets.
        options.rehypePlugins = [...(options.rehypePlugins ?? []), [rehypeRaw, { passThrough: MDX_NODE_TYPES }]];
        return options;
      },
    }));
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors?.[0];
    throw new RenderError(`无法编译 ${format} 正文：${first?.text ?? (error as Error).message}`, first?.location?.line, first?.location?.column);
  }
  const { default: Content } = (getMDXExport as (code: string, globals: object) => { default: (props: object) => Root | Element })(code, {
    // The bundle reads the JSX runtime from these globals: ours builds hast, not React elements.
    React: {},
    ReactDOM: {},
    _jsx_runtime: runtime,
  });
  const tree = Content({ components: mdxComponents });
  return tree.type === 'root' ? tree : { type: 'root', children: [tree] };
}

const htmlParser = unified().use(rehypeParse, { fragment: true });
const finisher = unified().use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);

/**
 * Compiles a body once, at save or import time: Markdown and MDX through
 * mdx-bundler, HTML as given, then every format through the same sanitiser.
 * Throws RenderError, with a line where known, for a body that cannot be published.
 */
export async function renderBody(format: BodyFormat, body: string, title = ''): Promise<RenderedBody> {
  try {
    return await renderUnguarded(format, body, title);
  } catch (error) {
    // Tree walkers recurse: pathological nesting (tens of thousands of levels) overflows the stack.
    if (error instanceof RangeError || /Maximum call stack size exceeded/.test(String(error))) {
      throw new RenderError('正文嵌套过深，无法渲染（元素、列表或引用多达数千层）');
    }
    throw error;
  }
}

async function compile(format: BodyFormat, body: string): Promise<Root> {
  if (format === 'html') return fromPlatformHtml(htmlParser.parse(body) as Root);
  return (format === 'markdown' && compilePlainMarkdown(body)) || (await compileWithMdxBundler(format, body));
}

async function renderUnguarded(format: BodyFormat, body: string, title: string): Promise<RenderedBody> {
  return finishRender(await compile(format, body), format, body, title);
}

/** Sanitises and enhances a compiled tree: the same last steps for every format and compiler. */
export async function finishRender(raw: Root, format: BodyFormat, body: string, title: string): Promise<RenderedBody> {
  const tree = (await finisher.run(raw)) as Root;
  dropWrittenToc(tree);
  const toc = enhance(tree, title);
  imagesAsFigures(tree);
  // The text before typesetting: search and reading time see a formula's TeX once, not KaTeX's three copies.
  const text = toString(tree).replace(/\s+/g, ' ').trim();
  await typesetMath(tree);
  await highlightCode(tree);
  return {
    html: finisher.stringify(tree),
    toc,
    text,
    readingMinutes: readingMinutes(text),
    renderHash: renderHashOf(format, body),
  };
}
