import type { Metadata } from 'next';
import { SiteTime } from '@/components/admin/site-time';
import { CreateUserForm, UserRowActions } from '@/components/admin/user-forms.client';
import { requireAdmin } from '@/lib/auth/session';
import { siteTimeZone } from '@/lib/settings/time-zone';
import { listUsers } from '@/lib/users/queries';

export const metadata: Metadata = { title: '用户' };

export default async function UsersPage() {
  await requireAdmin();
  const [users, timeZone] = await Promise.all([listUsers(), siteTimeZone()]);
  return (
    <>
      <h1>用户</h1>
      <CreateUserForm />
      <table className="admin-table">
        <caption className="visually-hidden">全部用户</caption>
        <thead>
          <tr>
            <th scope="col">邮箱</th>
            <th scope="col">角色</th>
            <th scope="col">状态</th>
            <th scope="col">上次登录</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.email}</td>
              <td>{user.role === 'admin' ? '管理员' : '编辑'}</td>
              <td>{user.disabled ? '已停用' : '正常'}</td>
              <td>{user.lastSignInAt ? <SiteTime date={user.lastSignInAt} timeZone={timeZone} seconds={false} /> : '从未登录'}</td>
              <td>
                <UserRowActions user={user} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
