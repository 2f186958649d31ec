import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth/session';
import { SignOutButton } from './sign-out-button.client';

export async function AdminUserMenu() {
  const user = await getCurrentUser();
  if (!user) return null;
  return (
    <>
      {user.role === 'admin' ? <Link href="/admin/users">用户</Link> : null}
      {user.role === 'admin' ? <Link href="/admin/settings">站点设置</Link> : null}
      <Link href="/admin/account" className="admin-user">
        {user.name || user.email}（{user.role === 'admin' ? '管理员' : '编辑'}）
      </Link>
      <SignOutButton />
    </>
  );
}
