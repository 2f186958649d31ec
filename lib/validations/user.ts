import { z } from 'zod';

export const ROLES = ['admin', 'editor'] as const;

/** One rule for every password a person chooses: at an account's creation, a reset and a change. */
export const MIN_PASSWORD_CHARS = 12;

export const userCreateSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('需为电子邮件地址')),
  name: z.string().trim().max(100).optional(),
  role: z.enum(ROLES, '需为 admin（管理员）或 editor（编辑）'),
  password: z.string().min(MIN_PASSWORD_CHARS, `至少 ${MIN_PASSWORD_CHARS} 个字符`).max(1024),
});

export type UserCreateInput = z.input<typeof userCreateSchema>;

export const userUpdateFormSchema = z.object({
  userId: z.coerce.number().int().positive(),
  intent: z.enum(['reset-password', 'role', 'disable', 'enable']),
  role: z.enum(ROLES).optional(),
});
