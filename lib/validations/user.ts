import { z } from 'zod';

export const ROLES = ['admin', 'editor'] as const;

export const userCreateSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('must be an email address')),
  name: z.string().trim().max(100).optional(),
  role: z.enum(ROLES, 'must be admin or editor'),
  password: z.string().min(12, 'must be at least 12 characters').max(1024),
});

export type UserCreateInput = z.input<typeof userCreateSchema>;

export const userUpdateFormSchema = z.object({
  userId: z.coerce.number().int().positive(),
  intent: z.enum(['reset-password', 'role', 'disable', 'enable']),
  role: z.enum(ROLES).optional(),
});
