import 'server-only';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { endUserSessions } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { revalidateBylinesOf } from '@/lib/posts/write';
import type { Actor } from '@/lib/users/mutations';

/**
 * Changes one's own password when the current one is right; every other session
 * of the user ends, the one making the change stays. False: the current password is wrong.
 */
export async function changeOwnPassword(actor: Actor, current: string, next: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await endUserSessions(actor.id, actor.sessionId, tx);
  });
  return true;
}

/** The name shown as the byline of one's posts (empty: none); public pages show it from the next request. */
export async function setDisplayName(userId: number, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name: name || null } });
  await revalidateBylinesOf(userId);
}
