import './jitless';
import { z } from 'zod';
import { isTimeZone } from '@/lib/dates/site-time';
import { MEDIA_PATH } from './media';

/** A path on this site: browsers read `//host` and `/\host` as another site. */
const isSitePath = (v: string) => v.startsWith('/') && !/^\/[/\\]/.test(v) && !/[\s\\]/.test(v);

/** A media-library URL (`/media/<hash>.png`): logo and favicon are picked from the library or uploaded to it. */
const libraryImage = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || MEDIA_PATH.test(v), '请从媒体库中选择图片，或上传一张')
  .transform((v) => v || null);

/** `名称 | /path` per line: the public header's links, in order. */
const navLines = z
  .string()
  .max(5_000)
  .transform((text, ctx) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [label = '', href = ''] = line.split('|').map((part) => part.trim());
        if (!label || !(isSitePath(href) || /^https?:\/\/[^\s\\]+$/i.test(href))) {
          ctx.addIssue({ code: 'custom', message: `“${line}”应写成“名称 | /路径”或“名称 | https://…”` });
        }
        return { label: label.slice(0, 50), href };
      }),
  )
  .pipe(z.array(z.object({ label: z.string(), href: z.string() })).max(20, '最多 20 个链接'));

/** The range the public lists' page size may take (the column's check says the same). */
export const POSTS_PER_PAGE = { min: 1, max: 100 } as const;

const postsPerPageMessage = `每页文章数需为 ${POSTS_PER_PAGE.min} 到 ${POSTS_PER_PAGE.max} 之间的整数`;

const postsPerPage = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, postsPerPageMessage)
  .transform(Number)
  .pipe(z.number().int().min(POSTS_PER_PAGE.min, postsPerPageMessage).max(POSTS_PER_PAGE.max, postsPerPageMessage));

export const siteSettingsFormSchema = z.object({
  title: z.string().trim().min(1, '站点标题不能为空').max(100, '站点标题最多 100 个字符'),
  description: z.string().trim().max(300, '站点简介最多 300 个字符'),
  timeZone: z.string().trim().refine(isTimeZone, '不是有效的时区（应形如 Asia/Shanghai）'),
  publicOrigin: z
    .string()
    .trim()
    .refine((v) => v === '' || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)), '需为 http(s) 网址，如 https://blog.example.com')
    .transform((v) => (v ? new URL(v).origin : null)),
  logoUrl: libraryImage,
  faviconUrl: libraryImage,
  navLinks: navLines,
  postsPerPage,
});

export type SiteSettingsInput = z.output<typeof siteSettingsFormSchema>;
