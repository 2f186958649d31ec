import './jitless';
import { z } from 'zod';
import { MAX_BODY_CHARS } from '@/lib/validations/post';
import type { PostFormFields } from './post-form';

/** The editor fields an autosave keeps: everything but the revision note. */
export const AUTOSAVED_FIELDS = [
  'title',
  'slug',
  'date',
  'utcOffset',
  'description',
  'keywords',
  'tags',
  'categories',
  'coverImage',
  'coverAlt',
  'featuredImage',
  'featuredImagePreview',
  'sourceUrl',
  'status',
  'format',
  'body',
  'extra',
] as const satisfies readonly PostFormFields[];

export type AutosavedFields = Record<(typeof AUTOSAVED_FIELDS)[number], string>;

// Unvalidated drafts: only shape and size are checked; the save validates the content.
const fieldsShape = Object.fromEntries(
  AUTOSAVED_FIELDS.map((name) => [name, z.string().max(name === 'body' ? MAX_BODY_CHARS : 100_000)]),
) as Record<(typeof AUTOSAVED_FIELDS)[number], z.ZodString>;

export const autosaveFieldsSchema = z.object(fieldsShape);

export const autosaveWriteSchema = z.object({
  postId: z.number().int().positive().nullable(),
  baseVersion: z.number().int().min(0),
  fields: autosaveFieldsSchema,
});

export type AutosaveWrite = z.infer<typeof autosaveWriteSchema>;

/** The autosaved fields of a form, picked by name. */
export function autosavedFieldsOf(values: Partial<Record<string, unknown>>): AutosavedFields {
  return Object.fromEntries(AUTOSAVED_FIELDS.map((name) => [name, String(values[name] ?? '')])) as AutosavedFields;
}
