import './jitless';
import YAML from 'yaml';
import { z } from 'zod';
import { parseOffsetDate } from '@/lib/dates/offset-date';
import { distinctTerms, slugify } from '@/lib/terms/names';
import { isImageUrl, MAX_BODY_CHARS, MODELLED_FIELDS, postSnapshotSchema, type PostSnapshot } from './post';

const text = (max: number) => z.string().trim().max(max, `最多 ${max} 个字符`);
const optionalUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => !v || (URL.canParse(v) && /^https?:/i.test(v)), '需要 http(s) 网址');
const optionalImageUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => !v || isImageUrl(v), '需要 https: 网址，或本站路径（如 /images/a.png）');
const list = z
  .string()
  .max(5000)
  .transform((v) => v.split(/[,，\n]/).map((s) => s.trim()).filter(Boolean));

/**
 * The post editor's fields, as the form posts them (all strings). The same
 * schema validates in the browser before sending and on the server after.
 */
export const postFormSchema = z
  .object({
    title: text(500).min(1, '标题不能为空'),
    slug: text(200),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, '请填写日期和时间'),
    utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/, '时区格式如 +08:00'),
    description: text(2000),
    keywords: text(2000),
    tags: list,
    categories: list,
    coverImage: optionalImageUrl,
    coverAlt: text(500),
    featuredImage: optionalImageUrl,
    featuredImagePreview: optionalImageUrl,
    sourceUrl: optionalUrl,
    status: z.enum(['draft', 'published', 'scheduled'], '请选择状态'),
    format: z.enum(['markdown', 'mdx', 'html'], '请选择正文格式'),
    body: z.string().max(MAX_BODY_CHARS, '正文不能超过 500 万字符'),
    extra: z.string().max(100_000),
    message: text(500),
  })
  .superRefine((form, ctx) => {
    if (!parseOffsetDate(`${form.date} ${form.utcOffset}`)) ctx.addIssue({ code: 'custom', path: ['date'], message: '不是有效的日期' });
    if (form.status === 'scheduled' && parseOffsetDate(`${form.date} ${form.utcOffset}`)!.instant <= new Date()) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: '定时发布的时间必须在将来' });
    }
    try {
      const extra: unknown = form.extra.trim() ? YAML.parse(form.extra, { schema: 'core', uniqueKeys: true }) : {};
      if (extra !== null && (typeof extra !== 'object' || Array.isArray(extra))) throw new Error('需要 “键: 值” 形式的映射');
      const modelled = Object.keys(extra ?? {}).filter((k) => (MODELLED_FIELDS as readonly string[]).includes(k));
      if (modelled.length) throw new Error(`字段 ${modelled.join('、')} 请在上面对应的表单项中编辑`);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['extra'], message: `YAML 有误：${(error as Error).message.split('\n')[0]}` });
    }
  });

export type PostFormInput = z.input<typeof postFormSchema>;
export type PostFormFields = keyof PostFormInput;

/** A validated form as a post snapshot; source id and other unedited facts come from the stored post. */
export function snapshotFromForm(form: z.output<typeof postFormSchema>, keep: { sourceId: string | null }): PostSnapshot {
  const date = parseOffsetDate(`${form.date} ${form.utcOffset}`)!;
  const extra = (form.extra.trim() ? YAML.parse(form.extra, { schema: 'core' }) : {}) ?? {};
  return postSnapshotSchema.parse({
    slug: slugify(form.slug || form.title) || 'post',
    title: form.title,
    description: form.description || null,
    keywords: form.keywords || null,
    publishedAt: date.instant,
    utcOffset: date.offsetMinutes,
    status: form.status,
    format: form.format,
    body: form.body.replace(/\r\n?/g, '\n').trimEnd(),
    sourceId: keep.sourceId,
    sourceUrl: form.sourceUrl || null,
    coverImage: form.coverImage || null,
    coverAlt: form.coverAlt || null,
    featuredImage: form.featuredImage || null,
    featuredImagePreview: form.featuredImagePreview || null,
    tags: distinctTerms(form.tags, 'tag'),
    categories: distinctTerms(form.categories, 'category'),
    extra,
  });
}

/** Field errors keyed by field name, for aria-describedby messages. */
export function fieldErrors(error: z.ZodError): Partial<Record<PostFormFields, string[]>> {
  const out: Partial<Record<PostFormFields, string[]>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'body') as PostFormFields;
    (out[field] ??= []).push(issue.message);
  }
  return out;
}
