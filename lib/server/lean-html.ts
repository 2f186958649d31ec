import type { Element, Root, RootContent } from 'hast';

/**
 * What a script-free public page no longer needs, removed from its parsed tree:
 * React's markers for hydration (comments, the empty hidden `<div>` of resolved
 * boundaries, `data-precedence` on stylesheets), metadata said twice (a
 * `twitter:*` tag equal to its `og:*` counterpart: X reads Open Graph when its
 * own tag is absent; the `favicon.ico` link beside an SVG icon: browsers that
 * cannot use the SVG ask for `/favicon.ico` by themselves), and percent-escapes of non-ASCII letters in links, which
 * the browser makes again from the characters (`/tags/%E5%A4%A7` and `/tags/大`
 * are one URL). Article text cannot hold comments (the sanitizer drops them).
 */
export function leanPage(tree: Root): void {
  const og = new Map<string, unknown>();
  const twitter: { parent: Root | Element; node: Element; key: string }[] = [];
  const icons: { parent: Root | Element; node: Element }[] = [];
  const visit = (parent: Root | Element) => {
    parent.children = parent.children.filter((child) => !isDroppable(child));
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const props = child.properties;
      if (child.tagName === 'meta') {
        const property = String(props.property ?? '');
        const name = String(props.name ?? '');
        if (property.startsWith('og:')) og.set(property.slice(3), props.content);
        if (name.startsWith('twitter:') && name !== 'twitter:card') twitter.push({ parent, node: child, key: name.slice(8) });
      }
      if (child.tagName === 'link') delete props.dataPrecedence;
      if (child.tagName === 'link' && hasToken(props.rel, 'icon')) icons.push({ parent, node: child });
      if (typeof props.href === 'string') props.href = unescapeLetters(props.href);
      visit(child);
      if (child.content) visit(child.content);
    }
  };
  visit(tree);
  const drop = ({ parent, node }: { parent: Root | Element; node: Element }) => (parent.children = parent.children.filter((c) => c !== node));
  twitter.filter(({ node, key }) => og.has(key) && og.get(key) === node.properties.content).forEach(drop);
  if (icons.some(({ node }) => node.properties.type === 'image/svg+xml')) icons.filter(({ node }) => node.properties.type === 'image/x-icon').forEach(drop);
}

const hasToken = (value: unknown, token: string) => Array.isArray(value) && value.map(String).includes(token);

/** Comments, and a hidden `<div>` left holding nothing once they are gone. */
function isDroppable(node: RootContent): boolean {
  if (node.type === 'comment') return true;
  return node.type === 'element' && node.tagName === 'div' && node.properties.hidden === true && node.children.every((c) => c.type === 'comment');
}

/** Runs of escaped UTF-8 bytes (never ASCII: `%2F`, `%3F`, `%20` stay escaped) that spell letters, marks, digits or punctuation. */
const ESCAPED_NON_ASCII = /(?:%[89a-f][0-9a-f])+/gi;
const READABLE = /^[\p{L}\p{M}\p{N}\p{P}]+$/u;

function unescapeLetters(href: string): string {
  if (!href.includes('%')) return href;
  return href.replace(ESCAPED_NON_ASCII, (run) => {
    try {
      const text = decodeURIComponent(run);
      return READABLE.test(text) ? text : run;
    } catch {
      return run;
    }
  });
}
