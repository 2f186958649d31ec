import { z } from 'zod';
import { idSchema } from './post-actions';

export const tagActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('rename'), tagId: idSchema, name: z.string().max(1_000) }),
  z.object({ intent: z.literal('merge'), tagId: idSchema, targetId: idSchema }),
]);
