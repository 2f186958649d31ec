'use client';

import { useActionState } from 'react';
import { changePasswordAction, updateDisplayNameAction, type AccountActionState } from '@/lib/account/actions';
import { Field } from './field';

function Result({ state }: { state: AccountActionState }) {
  return (
    <p role="status" aria-live="polite">
      {state.message}
    </p>
  );
}

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, {});
  return (
    <form action={action} className="form" aria-labelledby="password-title">
      <h2 id="password-title">修改密码</h2>
      <Field name="current" label="当前密码" errors={state.errors?.current}>
        {(p) => <input {...p} name="current" type="password" autoComplete="current-password" required />}
      </Field>
      <Field name="next" label="新密码" errors={state.errors?.next} hint="至少 12 个字符。修改后，其他设备上的登录都会结束。">
        {(p) => <input {...p} name="next" type="password" autoComplete="new-password" minLength={12} required />}
      </Field>
      <Field name="repeat" label="再输入一次新密码" errors={state.errors?.repeat}>
        {(p) => <input {...p} name="repeat" type="password" autoComplete="new-password" required />}
      </Field>
      <button type="submit" disabled={pending}>
        修改密码
      </button>
      <Result state={state} />
    </form>
  );
}

export function DisplayNameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(updateDisplayNameAction, {});
  return (
    <form action={action} className="form" aria-labelledby="name-title">
      <h2 id="name-title">署名</h2>
      <Field name="name" label="显示名称" errors={state.errors?.name} hint="显示为你所写文章的署名（文章页与订阅源）；留空则不署名。">
        {(p) => <input {...p} name="name" defaultValue={name} maxLength={100} />}
      </Field>
      <button type="submit" disabled={pending}>
        保存署名
      </button>
      <Result state={state} />
    </form>
  );
}
