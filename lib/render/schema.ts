import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

const base = defaultSchema.attributes ?? {};

/**
 * GitHub's sanitisation schema (no script, no event handlers, no javascript: or
 * data: URLs, no style), plus the markup our MDX components and code blocks emit.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside', 'figure', 'figcaption', 'mark', 'u'],
  attributes: {
    ...base,
    aside: [['className', 'callout', /^callout-[a-z]+$/], 'role'],
    p: [...(base.p ?? []), ['className', 'callout-title']],
    code: [...(base.code ?? []), ['className', /^language-[\w+#-]+$/]],
    pre: [...(base.pre ?? []), ['className', /^language-[\w+#-]+$/]],
    img: [...(base.img ?? []), 'loading', 'decoding', 'srcSet', 'sizes'],
    // The media library's <picture>: AVIF and WebP variants by width (lib/media/views.ts).
    source: ['srcSet', 'sizes', 'type'],
    '*': [...(base['*'] ?? [])],
  },
  protocols: { ...defaultSchema.protocols, src: ['http', 'https'] },
};
