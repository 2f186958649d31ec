import './jitless';
import { z } from 'zod';

/** A positive integer id as a form posts it. */
export const idSchema = z.coerce.number().int().positive();

export const postStatusFormSchema = z.object({ postId: idSchema, status: z.enum(['draft', 'published']) });

export const postTrashFormSchema = z.object({
  postId: idSchema,
  trashed: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});

/** Permanent delete: the form asks for the post's title to be typed. */
export const postDeleteFormSchema = z.object({ postId: idSchema, confirmTitle: z.string().max(1000).default('') });

export const revisionRestoreFormSchema = z.object({
  postId: idSchema,
  number: idSchema,
  /** The checkbox "with its publishing status". */
  restoreStatus: z.literal('on').optional(),
});

export const postPreviewSchema = z.object({
  format: z.enum(['markdown', 'mdx', 'html']),
  body: z.string(),
  title: z.string(),
});

/** The admin list's bulk form: the ticked posts, one operation, and the list to return to. */
export const postBulkFormSchema = z
  .object({
    ids: z.array(idSchema).min(1).max(100),
    operation: z.enum(['publish', 'unpublish', 'trash', 'restore', 'add-tag', 'remove-tag']),
    tag: z.string().trim().max(100).optional(),
    back: z.string().regex(/^\/admin(\?[^#\s]*)?$/).catch('/admin'),
  })
  .refine((form) => !form.operation.endsWith('-tag') || Boolean(form.tag), { path: ['tag'] });
