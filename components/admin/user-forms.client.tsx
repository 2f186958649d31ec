'use client';

import { useActionState, type FormEvent } from 'react';
import { createUserAction, updateUserAction, type UserActionState } from '@/lib/users/actions';
import { ClientButton } from './client-button.client';

function Result({ state }: { state: UserActionState }) {
  return (
    <p role="status" aria-live="polite" className={state.error ? 'field-error' : undefined}>
      {state.error ?? state.message}
    </p>
  );
}

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, {});
  return (
    <form action={action} className="form inline-fields" aria-label="新建用户">
      <label>
        邮箱 <input name="email" type="email" required />
      </label>
      <label>
        名字 <input name="name" />
      </label>
      <label>
        角色
        <select name="role" defaultValue="editor">
          <option value="editor">编辑</option>
          <option value="admin">管理员</option>
        </select>
      </label>
      <label>
        初始密码 <input name="password" type="password" minLength={12} required autoComplete="new-password" />
      </label>
      <button type="submit" disabled={pending}>
        新建用户
      </button>
      <Result state={state} />
    </form>
  );
}

interface UserRowActionsProps {
  user: { id: number; email: string; role: 'admin' | 'editor'; disabled: boolean };
}

const ROLE_NAMES = { admin: '管理员', editor: '编辑' } as const;

/** What each change does to the user, said before it is made. */
export function roleWarning(email: string, role: string): string {
  const name = ROLE_NAMES[role as keyof typeof ROLE_NAMES] ?? role;
  return `把 ${email} 的角色改为“${name}”：他在所有设备上的登录都会结束，需重新登录。确定更改？`;
}

const askFirst = (message: (form: HTMLFormElement) => string) => (event: FormEvent<HTMLFormElement>) => {
  if (!confirm(message(event.currentTarget))) event.preventDefault();
};

export function UserRowActions({ user }: UserRowActionsProps) {
  const [state, action, pending] = useActionState(updateUserAction, {});
  return (
    <div className="inline-fields">
      <form action={action} aria-label={`${user.email} 的角色`} onSubmit={askFirst((form) => roleWarning(user.email, String(new FormData(form).get('role'))))}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="intent" value="role" />
        <select name="role" defaultValue={user.role} aria-label="角色">
          <option value="editor">编辑</option>
          <option value="admin">管理员</option>
        </select>
        <ClientButton type="submit" disabled={pending}>
          更改角色
        </ClientButton>
      </form>
      <form
        action={action}
        onSubmit={askFirst(() =>
          user.disabled
            ? `启用 ${user.email}：他可以再次用原密码登录。确定启用？`
            : `停用 ${user.email}：他在所有设备上的登录立即结束，且不能再登录，直到重新启用。确定停用？`,
        )}
      >
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="intent" value={user.disabled ? 'enable' : 'disable'} />
        <ClientButton type="submit" disabled={pending}>
          {user.disabled ? `启用 ${user.email}` : `停用 ${user.email}`}
        </ClientButton>
      </form>
      <form action={action} onSubmit={askFirst(() => `为 ${user.email} 生成新密码：旧密码立即失效，他在所有设备上的登录都会结束，新密码只在这里显示一次。确定重置？`)}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="intent" value="reset-password" />
        <ClientButton type="submit" disabled={pending}>
          重置密码
        </ClientButton>
      </form>
      <Result state={state} />
    </div>
  );
}
