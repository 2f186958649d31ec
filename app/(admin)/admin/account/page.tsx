import type { Metadata } from 'next';
import { DisplayNameForm, PasswordForm } from '@/components/admin/account-forms.client';
import { requireEditor } from '@/lib/auth/session';

export const metadata: Metadata = { title: '我的账户' };

export default async function AccountPage() {
  const user = await requireEditor();
  return (
    <>
      <h1>我的账户</h1>
      <p>
        {user.email}（{user.role === 'admin' ? '管理员' : '编辑'}）
      </p>
      <DisplayNameForm name={user.name ?? ''} />
      <PasswordForm />
    </>
  );
}
