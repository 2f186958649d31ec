/**
 * What a script-free public page no longer needs, decided token by token as the
 * page is tokenized (public-html.ts): React's markers for hydration (comments, the
 * empty hidden `<div>` of resolved boundaries, `data-precedence` on stylesheets),
 * metadata said twice (a `twitter:*` tag equal to its `og:*` counterpart: X reads
 * Open Graph when its own tag is absent; the `favicon.ico` link beside an SVG
 * icon: browsers that cannot use the SVG ask for `/favicon.ico` by themselves),
 * percent-escapes of non-ASCII letters in links, which the browser makes again from
 * the characters (`/tags/%E5%A4%A7` and `/tags/大` are one URL), and end tags the
 * HTML parser implies where the next tag closes the element anyway. Article text
 * cannot hold comments (the sanitizer drops them).
 */

export type Attributes = Record<string, string>;

/** Attributes a start tag is written again without. */
const DROPPED_ATTRIBUTES = new Set(['nonce', 'data-precedence']);

/** True when a space-separated attribute (rel, class) holds the token. */
export const hasToken = (value: string | undefined, token: string) => (value ?? '').toLowerCase().split(/\s+/).includes(token);

/** Runs of escaped UTF-8 bytes (never ASCII: `%2F`, `%3F`, `%20` stay escaped) that spell letters, marks, digits or punctuation. */
const ESCAPED_NON_ASCII = /(?:%[89a-f][0-9a-f])+/gi;
const READABLE = /^[\p{L}\p{M}\p{N}\p{P}]+$/u;

export function unescapeLetters(href: string): string {
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

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** The start tag written leaner, or null when it is best kept byte for byte. */
export function leanStartTag(name: string, attributes: Attributes): string | null {
  const href = attributes.href;
  const lean = Object.keys(attributes).some((key) => DROPPED_ATTRIBUTES.has(key)) || (href !== undefined && unescapeLetters(href) !== href);
  if (!lean) return null;
  const rest = Object.entries(attributes)
    .filter(([key]) => !DROPPED_ATTRIBUTES.has(key))
    .map(([key, value]) => (key === 'href' ? [key, unescapeLetters(value)] : [key, value]))
    .map(([key, value]) => (value === '' ? ` ${key}` : ` ${key}="${escapeAttribute(value!)}"`));
  return `<${name}${rest.join('')}>`;
}

/** Metadata said twice, found once the head has been read: which of the recorded tags to drop. */
export class RepeatedMetadata {
  private readonly og = new Map<string, string>();
  private readonly twitter: { key: string; content: string; range: Range }[] = [];
  private readonly icons: { type: string; range: Range }[] = [];

  see(name: string, attributes: Attributes, range: Range): void {
    if (name === 'meta') {
      const { property = '', name: metaName = '', content = '' } = attributes;
      if (property.startsWith('og:')) this.og.set(property.slice(3), content);
      if (metaName.startsWith('twitter:') && metaName !== 'twitter:card') this.twitter.push({ key: metaName.slice(8), content, range });
    }
    if (name === 'link' && hasToken(attributes.rel, 'icon')) this.icons.push({ type: attributes.type ?? '', range });
  }

  repeated(): Range[] {
    const twitter = this.twitter.filter(({ key, content }) => this.og.get(key) === content).map((t) => t.range);
    const svg = this.icons.some((icon) => icon.type === 'image/svg+xml');
    return [...twitter, ...(svg ? this.icons.filter((icon) => icon.type === 'image/x-icon').map((i) => i.range) : [])];
  }
}

export interface Range {
  start: number;
  end: number;
}

const P_CLOSERS = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'search', 'section', 'table', 'ul',
]);
const P_KEEPING_PARENTS = new Set(['a', 'audio', 'del', 'ins', 'map', 'noscript', 'video']);

/** An end tag just read, which the next token may show to be implied. */
export interface EndTag extends Range {
  name: string;
  parent: string;
}

/**
 * True when the HTML parser would close `end` by itself at the next token (the
 * HTML standard's optional end tags, for the elements a page has most of), so
 * leaving it out parses to the same document. `next` is the next start tag's name,
 * or `/name` for an end tag; text in between keeps every end tag.
 */
export function isImplied(end: EndTag, next: string): boolean {
  const closing = next.startsWith('/');
  switch (end.name) {
    case 'li':
      return next === 'li' || closing;
    case 'p':
      return P_CLOSERS.has(next) || (closing && !P_KEEPING_PARENTS.has(end.parent));
    case 'td':
    case 'th':
      return next === 'td' || next === 'th' || closing;
    case 'tr':
      return next === 'tr' || closing;
    case 'head':
      return !closing;
    case 'body':
    case 'html':
      return closing || next === '';
    default:
      return false;
  }
}

/** Elements whose end tag may be implied. */
export const OPTIONAL_END = new Set(['li', 'p', 'td', 'th', 'tr', 'head', 'body', 'html']);
