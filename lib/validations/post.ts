import './jitless';
import { z } from 'zod';

/** A post's body, in characters (the editor's form and every import). */
export const MAX_BODY_CHARS = 5_000_000;

/** Front-matter fields the model stores in columns; every other field is kept verbatim in the snapshot's `extra`. */
export const MODELLED_FIELDS = [
  'title', 'date', 'slug', 'description', 'keywords', 'categories', 'tags', 'artid', 'source_url',
  'image', 'featuredImage', 'featuredImagePreview', 'published', 'draft', 'status', 'format',
] as const;

export const SLUG_PATTERN = /^[\p{L}\p{N}\p{M}]+(?:[-+][\p{L}\p{N}\p{M}]+)*$/u;

const optionalText = z.string().trim().max(2_000).nullable();
const url = z
  .string()
  .trim()
  .max(2_000)
  .refine((value) => URL.canParse(value) && /^https?:/i.test(value), '需为 http(s) 网址');
/**
 * An image URL the site may show: `https:`, or a path on this site. No other scheme
 * (`javascript:`, `data:`, `http:` mixed content), no `//host` or `/\\host` (another
 * site), no control characters (browsers drop tabs and newlines: `java\tscript:`).
 */
export function isImageUrl(value: string): boolean {
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return false;
  if (/^[a-z][a-z\d+.-]*:/i.test(value)) return /^https:/i.test(value) && URL.canParse(value);
  return !value.startsWith('//');
}

export const IMAGE_URL_MESSAGE = '需为 https: 网址或本站路径（/images/…）';
const imageUrl = z.string().trim().max(2_000).refine(isImageUrl, IMAGE_URL_MESSAGE);
const termList = z.array(z.string().trim().min(1).max(100, '有名称超过 100 个字符')).max(100, '超过 100 个名称');

/**
 * Everything a post is, as one value: what a revision stores and what an
 * import or an editor's save produces. Tags and categories are names.
 */
export const postSnapshotSchema = z.object({
  slug: z
    .string()
    .min(1, '网址别名为空')
    .max(200)
    .regex(SLUG_PATTERN, '网址别名只能由字母、数字和它们之间的单个 - 组成'),
  title: z.string().trim().min(1, '标题为空').max(500),
  description: optionalText,
  keywords: optionalText,
  publishedAt: z.date(),
  utcOffset: z.number().int().min(-840).max(840),
  status: z.enum(['draft', 'published', 'scheduled']),
  format: z.enum(['markdown', 'mdx', 'html']),
  body: z.string().max(MAX_BODY_CHARS, '正文超过 5,000,000 个字符'),
  sourceId: z.string().trim().min(1).max(100).nullable(),
  sourceUrl: url.nullable(),
  coverImage: imageUrl.nullable(),
  coverAlt: optionalText,
  featuredImage: imageUrl.nullable(),
  featuredImagePreview: imageUrl.nullable(),
  tags: termList,
  categories: termList,
  extra: z.record(z.string(), z.unknown()),
});

export type PostSnapshot = z.infer<typeof postSnapshotSchema>;
