import { z } from 'zod';
import { idSchema } from './post-actions';

export const termKindSchema = z.enum(['tag', 'category']);

/** Where the terms page was (kind, search, page), so an action returns the editor to it. */
const place = {
  kind: termKindSchema,
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
};

export const termActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('rename'), id: idSchema, name: z.string().max(1_000), ...place }),
  z.object({ intent: z.literal('merge'), id: idSchema, targetName: z.string().trim().min(1).max(1_000), ...place }),
  z.object({ intent: z.literal('delete'), id: idSchema, ...place }),
]);

export const termSuggestSchema = z.object({ kind: termKindSchema, q: z.string().max(200) });
