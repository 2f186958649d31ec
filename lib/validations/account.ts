import './jitless';
import { z } from 'zod';
import { MIN_PASSWORD_CHARS } from './user';

export const passwordChangeSchema = z
  .object({
    current: z.string().min(1, '请输入当前密码').max(1024),
    next: z.string().min(MIN_PASSWORD_CHARS, `新密码至少 ${MIN_PASSWORD_CHARS} 个字符`).max(1024, '新密码太长'),
    repeat: z.string(),
  })
  .refine((v) => v.next === v.repeat, { path: ['repeat'], message: '两次输入的新密码不一致' });

export const displayNameSchema = z.object({
  name: z.string().trim().max(100, '名字最多 100 个字符'),
});
