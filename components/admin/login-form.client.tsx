'use client';

import { signIn } from 'next-auth/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ClientButton } from './client-button.client';

/** Only same-site paths under /admin: a callback URL must never send the user elsewhere. */
function safeCallback(value: string | null): string {
  return value && /^\/admin(\/|$|\?)/.test(value) ? value : '/admin';
}

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : '登录失败，请重试。');
      return;
    }
    router.replace(safeCallback(params.get('callbackUrl')));
    router.refresh();
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-describedby={error ? 'login-error' : undefined} noValidate>
      <div className="field">
        <label htmlFor="email">邮箱</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="password">密码</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <p id="login-error" className="form-error" role="alert" aria-live="assertive">
        {error}
      </p>
      <ClientButton type="submit" disabled={pending}>
        {pending ? '正在登录…' : '登录'}
      </ClientButton>
    </form>
  );
}
