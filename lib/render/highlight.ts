import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import {
  bundledLanguagesInfo,
  createCssVariablesTheme,
  createHighlighter,
  type BundledLanguage,
  type BundledTheme,
  type HighlighterGeneric,
} from 'shiki';
import { visit } from 'unist-util-visit';
import { classesOf } from './classes';

/**
 * Limits that keep highlighting a small share of a render's budget: a block
 * longer than this, or the blocks after this many characters in one body, stay
 * plain text (still labelled and scrollable). Lines longer than
 * `maxLineChars` are not tokenised (minified code).
 */
export const HIGHLIGHT_LIMITS = {
  maxBlockChars: 20_000,
  maxBodyChars: 200_000,
  maxLineChars: 2_000,
} as const;

// Shiki's CSS-variables theme names each token's kind; the kinds become classes
// (`hl-keyword`) coloured by app/code.css for light and dark schemes, so one
// render serves both without inline styles or script.
const THEME = createCssVariablesTheme({
  name: 'inkwell',
  variablePrefix: '--shiki-',
  fontStyle: false,
});
const KIND = /^var\(--shiki-token-([a-z-]+)\)$/;

const NAMES = new Map<string, { id: string; name: string }>();
for (const info of bundledLanguagesInfo) {
  for (const alias of [info.id, ...(info.aliases ?? [])])
    NAMES.set(alias, { id: info.id, name: info.name });
}
// Names used by the source platform's highlighters (Prism, highlight.js) that Shiki spells otherwise.
const EXTRA: Record<string, string> = {
  'c++': 'cpp',
  'c#': 'csharp',
  'objective-c': 'objc',
  golang: 'go',
  console: 'shellsession',
  py3: 'python',
  python3: 'python',
  vue3: 'vue',
  dockerfile: 'docker',
};
const PLAIN = new Set([
  'text',
  'txt',
  'plain',
  'plaintext',
  'none',
  'nohighlight',
  'output',
  'log',
]);

/** The language a fence or a platform block names, as Shiki knows it (null when none or unknown). */
export function resolveLanguage(raw: string | undefined): { id: string; name: string } | null {
  if (!raw) return null;
  const key = raw.toLowerCase();
  if (PLAIN.has(key)) return null;
  return NAMES.get(EXTRA[key] ?? key) ?? null;
}

let highlighter: Promise<HighlighterGeneric<BundledLanguage, BundledTheme>> | undefined;
// Languages load on first use: a worker pays only for the grammars its bodies name.
const getHighlighter = () => (highlighter ??= createHighlighter({ themes: [THEME], langs: [] }));
// One load per language, shared by renders that ask at once (two loads of one grammar race).
const loading = new Map<string, Promise<void>>();

const classList = classesOf;
const languageOf = (node: Element) =>
  classList(node)
    .find((c) => c.startsWith('language-'))
    ?.slice('language-'.length);

/**
 * Highlights every `pre > code` of a sanitised tree in place: token spans with
 * fixed `hl-*` classes (never style), and a `div.code-block` holding a language
 * label and the block. Runs after the sanitiser: it reads only the code's text
 * and writes only our own elements, so nothing of the body's markup survives it.
 */
export async function highlightCode(tree: Root): Promise<void> {
  const blocks: { pre: Element; code: Element; parent: Element | Root; index: number }[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (
      node.tagName !== 'pre' ||
      !parent ||
      index === undefined ||
      (parent.type !== 'root' && parent.type !== 'element')
    )
      return;
    const code = node.children.find(
      (c): c is Element => c.type === 'element' && c.tagName === 'code',
    );
    if (!code || classList(code).includes('math-display')) return;
    blocks.push({ pre: node, code, parent, index });
  });
  let budget: number = HIGHLIGHT_LIMITS.maxBodyChars;
  // Backwards, so wrapping a block does not move the indexes of those before it.
  for (const { pre, code, parent, index } of blocks.reverse()) {
    const language = resolveLanguage(languageOf(code) ?? languageOf(pre));
    const text = toString(code).replace(/\n$/, '');
    if (language && text.length <= HIGHLIGHT_LIMITS.maxBlockChars && text.length <= budget) {
      budget -= text.length;
      code.children = await tokenise(text, language.id);
      code.properties = { ...code.properties, className: [`language-${language.id}`] };
    } else {
      code.children = [{ type: 'text', value: text }];
    }
    const label = language?.name ?? languageOf(code) ?? languageOf(pre);
    const wrapper: Element = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['code-block'] },
      children: [...(label && !PLAIN.has(label.toLowerCase()) ? [labelOf(label)] : []), pre],
    };
    parent.children[index] = wrapper;
  }
}

const labelOf = (name: string): Element => ({
  type: 'element',
  tagName: 'div',
  properties: { className: ['code-lang'] },
  children: [{ type: 'text', value: name }],
});

async function tokenise(text: string, language: string): Promise<ElementContent[]> {
  const shiki = await getHighlighter();
  await (loading.get(language) ??
    loading.set(language, shiki.loadLanguage(language as BundledLanguage)).get(language));
  const { tokens } = shiki.codeToTokens(text, {
    lang: language as BundledLanguage,
    theme: THEME.name!,
    tokenizeMaxLineLength: HIGHLIGHT_LIMITS.maxLineChars,
    // No per-line clock: under load it would cut lines short at random, and a render must depend
    // only on its source. The limits above and the worker's budget bound the time instead.
    tokenizeTimeLimit: 0,
  });
  const out: ElementContent[] = [];
  // `kind` null: whitespace, which needs no colour and joins whatever it follows.
  const push = (value: string, kind: string | null | undefined) => {
    const last = out.at(-1);
    const lastText =
      last?.type === 'text'
        ? last
        : last?.type === 'element' && last.children[0]?.type === 'text'
          ? last.children[0]
          : undefined;
    const lastKind = last?.type === 'element' ? classList(last)[0] : undefined;
    // Neighbouring tokens of one kind share a span: fewer bytes for the same colours.
    if (lastText && (kind === null || (kind ? `hl-${kind}` === lastKind : last?.type === 'text')))
      lastText.value += value;
    else if (kind)
      out.push({
        type: 'element',
        tagName: 'span',
        properties: { className: [`hl-${kind}`] },
        children: [{ type: 'text', value }],
      });
    else out.push({ type: 'text', value });
  };
  tokens.forEach((line, i) => {
    if (i > 0) push('\n', null);
    for (const token of line)
      push(token.content, /^\s+$/.test(token.content) ? null : KIND.exec(token.color ?? '')?.[1]);
  });
  return out;
}
