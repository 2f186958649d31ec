'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/session';
import { displayNameSchema, passwordChangeSchema } from '@/lib/validations/account';
import { changeOwnPassword, setDisplayName } from './mutations';

export interface AccountActionState {
  message?: string;
  errors?: Record<string, string[]>;
}

const errorsOf = (issues: { path: PropertyKey[]; message: string }[]) => {
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[String(issue.path[0] ?? 'form')] ??= []).push(issue.message);
  return out;
};

/** Changes the signed-in user's own password; their other sessions end. */
export async function changePasswordAction(_previous: AccountActionState, formData: FormData): Promise<AccountActionState> {
  const user = await authorizeAction('editor');
  const parsed = passwordChangeSchema.safeParse(formData instanceof FormData ? Object.fromEntries(formData) : formData);
  if (!parsed.success) return { errors: errorsOf(parsed.error.issues) };
  if (!(await changeOwnPassword(user, parsed.data.current, parsed.data.next))) return { errors: { current: ['当前密码不对'] } };
  return { message: '密码已修改。其他设备上的登录都已结束，这里的登录保持不变。' };
}

/** Sets the signed-in user's display name, the byline of their posts. */
export async function updateDisplayNameAction(_previous: AccountActionState, formData: FormData): Promise<AccountActionState> {
  const user = await authorizeAction('editor');
  const parsed = displayNameSchema.safeParse(formData instanceof FormData ? Object.fromEntries(formData) : formData);
  if (!parsed.success) return { errors: errorsOf(parsed.error.issues) };
  await setDisplayName(user.id, parsed.data.name);
  revalidatePath('/admin/account');
  return { message: parsed.data.name ? `署名已改为“${parsed.data.name}”。` : '已清除署名。' };
}
