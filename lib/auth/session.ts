import 'server-only';
import { getServerSession } from 'next-auth';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums.ts';
import { authOptions } from './options';

export interface Editor {
  id: number;
  email: string;
  name: string | null;
  role: Role;
}

/**
 * Looks the session's user up on every request, so a disabled user or a changed
 * role takes effect at once; once per request (the layout and the page share it).
 */
export const getCurrentUser = cache(async (): Promise<Editor | null> => {
  const session = await getServerSession(authOptions);
  const id = Number((session?.user as { id?: string } | undefined)?.id);
  if (!Number.isInteger(id)) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, disabled: true } });
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
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
