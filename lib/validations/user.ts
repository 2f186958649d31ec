import { z } from 'zod';

export const ROLES = ['admin', 'editor'] as const;

/** One rule for every password a person chooses: at an account's creation, a reset and a change. */
export const MIN_PASSWORD_CHARS = 12;

export const userCreateSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('must be an email address')),
  name: z.string().trim().max(100).optional(),
  role: z.enum(ROLES, 'must be admin or editor'),
  password: z.string().min(MIN_PASSWORD_CHARS, `must be at least ${MIN_PASSWORD_CHARS} characters`).max(1024),
});

export type UserCreateInput = z.input<typeof userCreateSchema>;

export const userUpdateFormSchema = z.object({
  userId: z.coerce.number().int().positive(),
  intent: z.enum(['reset-password', 'role', 'disable', 'enable']),
  role: z.enum(ROLES).optional(),
});
