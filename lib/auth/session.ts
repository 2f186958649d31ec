import 'server-only';
import { getServerSession } from 'next-auth';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { cache } from 'react';
import type { Role } from '@/lib/generated/prisma/enums.ts';
import { authOptions } from './options';

export interface Editor {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  /** The session this request runs in (kept when the user changes their own account). */
  sessionId: string;
}

interface SessionBody {
  sid?: string;
  /** The session could not be checked (the database is down). */
  unavailable?: boolean;
  user?: { id?: string; email: string; name: string | null; role: Role };
}

/**
 * The signed-in user, from the session's row read on every request (the session
 * callback in options.ts), so a sign-out elsewhere, a password reset, a role
 * change or disabling takes effect at once; once per request (the layout and the page share it).
 */
export const getCurrentUser = cache(async (): Promise<Editor | null> => {
  const session = (await getServerSession(authOptions)) as SessionBody | null;
  if (session?.unavailable) throw new Error('数据库暂时无法连接，无法验证登录状态，请稍后再试。');
  const id = Number(session?.user?.id);
  if (!session?.sid || !session.user || !Number.isInteger(id)) return null;
  const { email, name, role } = session.user;
  return { id, email, name, role, sessionId: session.sid };
});

/** First line of every admin page: the signed-in, active editor or admin, or off to sign in. */
export async function requireEditor(): Promise<Editor> {
  const user = await getCurrentUser();
  if (!user) redirect('/admin/login');
  return user;
}

/** First line of every admin-only page. */
export async function requireAdmin(): Promise<Editor> {
  const user = await requireEditor();
  if (user.role !== 'admin') forbidden();
  return user;
}

/** First line of every server action: 401 for no session, 403 when the role is not enough. */
export async function authorizeAction(role: Role = 'editor'): Promise<Editor> {
  const user = await getCurrentUser();
  if (!user) unauthorized();
  if (role === 'admin' && user.role !== 'admin') forbidden();
  return user;
}
