import { z } from 'zod';
import type { BodyFormat } from '@/lib/generated/prisma/enums.ts';
import { siteConfig } from '@/lib/site';
import { MODELLED_FIELDS, postSnapshotSchema, type PostSnapshot } from '@/lib/validations/post';
import { formatOffsetDate, parseOffsetDate, type OffsetDate } from '@/lib/dates/offset-date';
import { ContentError } from './errors';
import { decodeSourceUrl } from './source-url';
import { distinctTerms, slugify } from '@/lib/terms/names';


const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const termList = z
  .union([scalar, z.array(scalar.nullable())], { error: 'must be a list of names' })
  .transform((value) => (Array.isArray(value) ? value : [value]).filter((v): v is string => v !== null));
const optionalText = scalar.nullish().transform((v) => (v?.trim() ? v.trim() : null));
const optionalUrl = z.string().nullish().transform((v) => (v?.trim() ? v.trim() : null));

const frontMatterSchema = z.object({
  title: scalar,
  date: z.union([z.string(), z.date()]).nullish(),
  slug: scalar.nullish(),
  permalink: z.string().nullish(),
  description: optionalText,
  keywords: z
    .union([scalar, z.array(scalar)])
    .nullish()
    .transform((v) => (Array.isArray(v) ? v.join(',') : v?.trim() || null)),
  categories: termList.nullish(),
  tags: termList.nullish(),
  artid: z
    .union([z.string(), z.number().int().refine(Number.isSafeInteger, 'is too large for a number: quote it')])
    .transform(String)
    .nullish(),
  arturl_encode: scalar.nullish(),
  source_url: optionalUrl,
  image: z
    .union([z.string(), z.object({ path: z.string().nullish(), alt: scalar.nullish() }).catchall(z.unknown())])
    .nullish(),
  featuredImage: optionalUrl,
  featuredImagePreview: optionalUrl,
  published: z.boolean().nullish(),
  draft: z.boolean().nullish(),
  status: z.enum(['draft', 'published', 'scheduled']).nullish(),
});

export interface PostSource {
  /** The file name, for Jekyll's slug and date (`2024-09-09-my-post.md`). */
  fileName?: string;
  data: Record<string, unknown>;
  body: string;
  format: BodyFormat;
  bodySourceUrl?: string | null;
}

const FILE_NAME = /^(?:(\d{4}-\d{2}-\d{2})-)?(.+?)(?:\.[^.]+)?$/;

/** Snapshot fields under the front-matter names the file used. */
const FRONT_MATTER_NAMES: Record<string, string> = { coverImage: 'image.path', coverAlt: 'image.alt', sourceId: 'artid', sourceUrl: 'source_url' };

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.');
      return `${FRONT_MATTER_NAMES[path] ?? (path || '文件头')}: ${issue.message}`;
    })
    .join('; ');
}

function resolveDate(value: string | Date | null | undefined, fileDate: string | undefined): OffsetDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ContentError('date: 不是有效的日期');
    return { instant: value, offsetMinutes: 0 };
  }
  const text = value ?? fileDate;
  if (!text) throw new ContentError('date: 缺少（文件名也不以日期开头）');
  const parsed = parseOffsetDate(text, siteConfig.defaultUtcOffset);
  if (!parsed) throw new ContentError(`date: “${text}”不是有效的日期（应形如 2024-09-09 05:08:37 +08:00）`);
  return parsed;
}

function resolveSlug(slug: string | null | undefined, permalink: string | null | undefined, fileSlug: string | undefined): string {
  const fromPermalink = permalink?.split('/').filter(Boolean).pop()?.replace(/\.html?$/, '');
  const candidate = slug ?? fromPermalink ?? fileSlug;
  const result = candidate ? slugify(candidate) : '';
  if (!result) throw new ContentError('slug: 没有给出，也无法从固定链接或文件名得出');
  return result;
}

/** Normalises a parsed file's front matter and body into a post snapshot, or says exactly what is wrong. */
export function snapshotFromFrontMatter(source: PostSource): PostSnapshot {
  const { data } = source;
  if (data.title === undefined || data.title === null) throw new ContentError('title: 缺少');
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) throw new ContentError(formatIssues(parsed.error));
  const fm = parsed.data;
  const [, fileDate, fileSlug] = FILE_NAME.exec(source.fileName ?? '') ?? [];

  let sourceUrl = fm.source_url;
  if (!sourceUrl && fm.arturl_encode) {
    sourceUrl = decodeSourceUrl(fm.arturl_encode);
    if (!sourceUrl) throw new ContentError('arturl_encode: 不是十六进制编码的 http(s) 网址');
  }
  sourceUrl ??= source.bodySourceUrl ?? null;

  const image = typeof fm.image === 'string' ? { path: fm.image } : (fm.image ?? {});
  const { path: coverImage, alt: coverAlt, ...imageRest } = image;
  const extra = Object.fromEntries(
    Object.entries(data).filter(([key]) => !(MODELLED_FIELDS as readonly string[]).includes(key)),
  );
  if (Object.keys(imageRest).length) extra.image = imageRest;

  const date = resolveDate(fm.date, fileDate);
  const status = fm.status ?? (fm.published === false || fm.draft === true ? 'draft' : 'published');
  const snapshot = postSnapshotSchema.safeParse({
    slug: resolveSlug(fm.slug, fm.permalink, fileSlug),
    title: fm.title.trim(),
    description: fm.description,
    keywords: fm.keywords,
    publishedAt: date.instant,
    utcOffset: date.offsetMinutes,
    status,
    format: source.format,
    body: source.body,
    sourceId: fm.artid?.trim() || null,
    sourceUrl,
    coverImage: coverImage?.trim() || null,
    coverAlt: coverAlt?.trim() || null,
    featuredImage: fm.featuredImage,
    featuredImagePreview: fm.featuredImagePreview,
    tags: distinctTerms(fm.tags ?? [], 'tag'),
    categories: distinctTerms(fm.categories ?? [], 'category'),
    extra,
  });
  if (!snapshot.success) throw new ContentError(formatIssues(snapshot.error));
  return snapshot.data;
}

/**
 * The front matter an export writes for a snapshot: every modelled field under its
 * usual name, then every unmodelled field as it was imported.
 */
export function frontMatterOf(snapshot: PostSnapshot): Record<string, unknown> {
  const { layout, image: imageRest, ...rest } = snapshot.extra;
  const out: Record<string, unknown> = {};
  if (layout !== undefined) out.layout = layout;
  out.title = snapshot.title;
  out.date = formatOffsetDate({ instant: snapshot.publishedAt, offsetMinutes: snapshot.utcOffset });
  out.slug = snapshot.slug;
  if (snapshot.description) out.description = snapshot.description;
  if (snapshot.keywords) out.keywords = snapshot.keywords;
  // Always written, empty or not: `[]` is how an export says "no category" (`['']`, `['未分类']`).
  out.categories = snapshot.categories;
  out.tags = snapshot.tags;
  if (snapshot.sourceId) out.artid = snapshot.sourceId;
  const encoded = typeof rest.arturl_encode === 'string' ? decodeSourceUrl(rest.arturl_encode) : null;
  if (snapshot.sourceUrl && encoded !== snapshot.sourceUrl) out.source_url = snapshot.sourceUrl;
  const image = { ...(imageRest as object | undefined), ...(snapshot.coverImage ? { path: snapshot.coverImage } : {}), ...(snapshot.coverAlt ? { alt: snapshot.coverAlt } : {}) };
  if (Object.keys(image).length) out.image = image;
  if (snapshot.featuredImage) out.featuredImage = snapshot.featuredImage;
  if (snapshot.featuredImagePreview) out.featuredImagePreview = snapshot.featuredImagePreview;
  if (snapshot.status === 'draft') out.published = false;
  if (snapshot.status === 'scheduled') out.status = 'scheduled';
  return { ...out, ...rest };
}
