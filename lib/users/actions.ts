'use server';

import { revalidatePath } from 'next/cache';
import { authorizeAction } from '@/lib/auth/session';
import { userUpdateFormSchema } from '@/lib/validations/user';
import { createUser, resetPassword, updateUserAccess, UserInputError } from './mutations';

export interface UserActionState {
  message?: string;
  error?: string;
}

/** Admins only: creates an editor or admin (createUser validates with userCreateSchema). */
export async function createUserAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  await authorizeAction('admin');
  try {
    const user = await createUser({
      email: String(formData.get('email') ?? ''),
      name: String(formData.get('name') ?? '') || undefined,
      role: String(formData.get('role') ?? '') as 'editor',
      password: String(formData.get('password') ?? ''),
    });
    revalidatePath('/admin/users');
    return { message: `已创建 ${user.email}。` };
  } catch (error) {
    if (error instanceof UserInputError) return { error: error.message };
    throw error;
  }
}

/** Admins only: role, disable/enable, or a new password (shown once). */
export async function updateUserAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  const actor = await authorizeAction('admin');
  const parsed = userUpdateFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: '无效的用户' };
  const { userId, intent, role } = parsed.data;
  try {
    if (intent === 'reset-password') {
      const password = await resetPassword(actor, userId);
      return { message: `新密码：${password}（只显示这一次）` };
    }
    const change = intent === 'role' ? { role: role === 'admin' ? ('admin' as const) : ('editor' as const) } : { disabled: intent === 'disable' };
    const user = await updateUserAccess(actor, userId, change);
    revalidatePath('/admin/users');
    if (intent === 'role') return { message: `已把 ${user.email} 的角色改为${user.role === 'admin' ? '管理员' : '编辑'}。` };
    return { message: intent === 'disable' ? `已停用 ${user.email}，他的登录已全部结束。` : `已启用 ${user.email}。` };
  } catch (error) {
    if (error instanceof UserInputError) return { error: error.message };
    throw error;
  }
}
