import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

const base = defaultSchema.attributes ?? {};

/**
 * GitHub's sanitisation schema (no script, no event handlers, no javascript: or
 * data: URLs, no style), plus the markup our MDX components and code blocks emit.
 * Highlighting (highlight.ts) and maths (math.ts) run after it on trusted structure.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside', 'figure', 'figcaption', 'mark', 'u'],
  attributes: {
    ...base,
    aside: [['className', 'callout', /^callout-[a-z]+$/], 'role'],
    p: [...(base.p ?? []), ['className', 'callout-title']],
    // remark-math's marks; KaTeX typesets them after sanitising (lib/render/math.ts), so no
    // formula markup (KaTeX's classes and inline styles) is ever taken from a body.
    code: [...(base.code ?? []), ['className', /^language-[\w+#-]+$/, 'math-inline', 'math-display']],
    pre: [...(base.pre ?? []), ['className', /^language-[\w+#-]+$/]],
    img: [...(base.img ?? []), 'loading', 'decoding', 'srcSet', 'sizes'],
    // The media library's <picture>: AVIF and WebP variants by width (lib/media/views.ts).
    source: ['srcSet', 'sizes', 'type'],
    '*': [...(base['*'] ?? [])],
  },
  protocols: { ...defaultSchema.protocols, src: ['http', 'https'] },
};
