import YAML from 'yaml';
import { assertSafeMdx } from '../../lib/render/validate-mdx';
import { isImageUrl } from '../../lib/validations/post';
import { MDX_FOOTNOTE_HOLE, vectors } from '../../test/xss/vectors';

/** The corpus's own tag and category: old dates keep its posts off the first pages other specs read. */
export const TAG = 'xss专用';
/** A word in every corpus post, for search. */
export const WORD = 'xsscorpus';
const PER_BODY = 20;
const PER_FRONT_MATTER = 30;

type Format = 'markdown' | 'mdx' | 'html';
type Vector = { n: number; text: string };

export interface CorpusPost {
  slug: string;
  file: string;
  frontMatter: Record<string, unknown>;
  body: string;
  /** The vectors this post carries. */
  numbers: number[];
}

export const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

/** The first texts that still fit in `max` characters once joined. */
export function fitting(texts: string[], max: number, separator = ' '): string[] {
  const out: string[] = [];
  for (const t of texts) if ([...out, t].join(separator).length <= max) out.push(t);
  return out;
}

export const fileText = (frontMatter: Record<string, unknown>, body: string) =>
  `---\n${YAML.stringify(frontMatter)}---\n${body}\n`;

/** MDX the check accepts; footnotes are left out, as the compiler reads them differently (see MDX_FOOTNOTE_HOLE). */
function validMdx(text: string): boolean {
  try {
    assertSafeMdx(text);
    return !/^\[\^[^\]]+\]:/m.test(text);
  } catch {
    return false;
  }
}

const EXTENSIONS: Record<Format, string> = { markdown: 'md', mdx: 'mdx', html: 'html' };
const numbered: Vector[] = vectors.map((text, i) => ({ n: i + 1, text }));
const mdx = numbered.filter((v) => validMdx(v.text));
let minute = 0;

function corpusPost(
  kind: string,
  index: number,
  format: Format,
  body: string,
  items: Vector[],
  fields = {},
): CorpusPost {
  const slug = `xss-${kind}-${String(index + 1).padStart(2, '0')}`;
  const date = new Date(Date.UTC(2001, 0, 1, 0, minute++))
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
  const frontMatter = {
    title: `XSS 语料 ${slug}`,
    date: `${date} +00:00`,
    slug,
    description: `${WORD} ${slug}`,
    tags: [TAG],
    categories: [TAG],
    ...fields,
  };
  return {
    slug,
    file: `${slug}.${EXTENSIONS[format]}`,
    frontMatter,
    body,
    numbers: items.map((v) => v.n),
  };
}

const bodyOf = (items: Vector[], separator: string) =>
  [WORD, ...items.map((v) => v.text)].join(separator);

/** A vector inside an image URL, percent-encoded only where a raw one would be refused (control characters, `\`). */
function imageUrl(url: string): string {
  if (isImageUrl(url)) return url;
  const encoded = url.replace(/[\u0000-\u001f\u007f\\]/g, encodeURIComponent);
  if (!isImageUrl(encoded)) throw new Error(`not an image URL even encoded: ${url}`);
  return encoded;
}

/** Every front-matter field that reaches a page, the feed or the admin carries vectors. */
function frontMatterPost(items: Vector[], index: number): CorpusPost {
  const texts = items.map((v) => v.text);
  const short = texts.filter((t) => t.length <= 90);
  return corpusPost('fm', index, 'markdown', `${WORD} front matter`, items, {
    title: fitting(texts, 480).join(' '),
    description: fitting(texts, 2000).join(' '),
    keywords: fitting(texts, 2000, ','),
    tags: [TAG, short[0]],
    categories: [TAG, short[1]],
    // Image fields take https: or a path on this site (other schemes are refused, below):
    // the vectors ride inside such URLs.
    image: {
      path: index % 2 ? imageUrl(`https://example.com/${texts[0]}`) : imageUrl(`/images/${texts[0]}`),
      alt: fitting(texts, 2000).join(' '),
    },
    source_url: `https://example.com/${texts[1]}`,
    featuredImage: imageUrl(`https://example.com/${texts[2]}`),
    featuredImagePreview: imageUrl(`/images/${texts[3]}`),
    permalink: `/${texts[4]}/`,
    layout: texts[5],
    xss_extra: { note: texts[6], list: texts.slice(7) },
  });
}

/** The source platform's page chrome, with its hidden source-URL marker pointing at javascript:. */
function platformPost(items: Vector[]): CorpusPost {
  const marker = Buffer.from(`javascript:__xss(${items[0]!.n})`).toString('hex');
  const body = `<div class="blog-content-box"><article><div id="content_views">${bodyOf(items, '\n')}</div></article></div>\n<p alt="${marker}" class_="artid" style="display:none"></p>`;
  return corpusPost('platform', 0, 'html', body, items);
}

/** The posts to import: every vector in Markdown, HTML, MDX where valid, and in front matter. */
export const corpus: CorpusPost[] = [
  ...chunks(numbered, PER_BODY).map((c, i) =>
    corpusPost('md', i, 'markdown', bodyOf(c, '\n\n'), c),
  ),
  ...chunks(numbered, PER_BODY).map((c, i) => corpusPost('html', i, 'html', bodyOf(c, '\n'), c)),
  ...chunks(mdx, PER_BODY).map((c, i) => corpusPost('mdx', i, 'mdx', bodyOf(c, '\n\n'), c)),
  ...chunks(numbered, PER_FRONT_MATTER).map(frontMatterPost),
  platformPost(numbered.slice(0, 60)),
];

/** The same posts as a plain first version, so every history page compares two revisions. */
export function firstVersion(post: CorpusPost): string {
  const { title, date, slug } = post.frontMatter;
  return fileText(
    {
      title: `初版 ${String(title)}`,
      date,
      slug,
      description: WORD,
      tags: [TAG],
      categories: [TAG],
    },
    `${WORD} 初版正文。`,
  );
}

/** Files the importer must refuse, and what the reason must say. */
export const refused = [
  ...numbered
    .filter((v) => !validMdx(v.text) && v.n !== MDX_FOOTNOTE_HOLE)
    .map((v) => ({
      name: `mdx-${v.n}.mdx`,
      fields: {},
      body: v.text,
      reason: /mdx|不允许|表达式|未知组件/i,
    })),
  {
    name: 'source-url.md',
    fields: { source_url: 'javascript:__xss(0)' },
    body: WORD,
    reason: /source_?url: 需为 http\(s\) 网址/i,
  },
  {
    name: 'source-url-case.md',
    fields: { source_url: ' JaVaScRiPt:__xss(0)' },
    body: WORD,
    reason: /source_?url: 需为 http\(s\) 网址/i,
  },
  {
    name: 'cover-javascript.md',
    fields: { image: { path: 'javascript:__xss(0)' } },
    body: WORD,
    reason: /image\.path: 需为 https: 网址或本站路径/,
  },
  {
    name: 'cover-tab.md',
    fields: { image: 'java\tscript:__xss(0)' },
    body: WORD,
    reason: /image\.path: 需为 https: 网址或本站路径/,
  },
  {
    name: 'featured-data.md',
    fields: { featuredImage: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='__xss(0)'/>" },
    body: WORD,
    reason: /featuredImage: 需为 https: 网址或本站路径/,
  },
  {
    name: 'featured-preview-host.md',
    fields: { featuredImagePreview: '//evil.example/x.png' },
    body: WORD,
    reason: /featuredImagePreview: 需为 https: 网址或本站路径/,
  },
  {
    name: 'arturl.md',
    fields: { arturl_encode: Buffer.from('javascript:__xss(0)').toString('hex') },
    body: WORD,
    reason: /arturl_encode: 不是十六进制编码的 http\(s\) 网址/,
  },
].map((r, i) => {
  const slug = `xss-refused-${i + 1}`;
  const frontMatter = {
    title: `XSS 拒收 ${slug}`,
    date: '2001-01-01 00:00:00 +00:00',
    slug,
    tags: [TAG],
    ...r.fields,
  };
  return { file: `${slug}-${r.name}`, slug, text: fileText(frontMatter, r.body), reason: r.reason };
});
