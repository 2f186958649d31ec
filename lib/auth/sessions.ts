import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums.ts';

/** From sign-in; renewing the cookie (`/api/auth/session`) never moves it. */
export const SESSION_LIFETIME_SECONDS = 8 * 60 * 60;

export interface ActiveSession {
  id: string;
  expiresAt: Date;
  user: { id: number; email: string; name: string | null; role: Role };
}

/** Records a new session for a user who just proved their password; returns its id (kept in the signed cookie). */
export async function startSession(userId: number): Promise<string> {
  await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  const id = randomBytes(24).toString('base64url');
  await db.$transaction([
    db.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + SESSION_LIFETIME_SECONDS * 1000) } }),
    db.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } }),
  ]);
  return id;
}

/**
 * The session a cookie names, if it has not been ended, is within its absolute
 * lifetime, and belongs to an enabled user; read on every admin request.
 */
export async function findActiveSession(id: unknown): Promise<ActiveSession | null> {
  if (typeof id !== 'string' || !id) return null;
  return db.session.findFirst({
    where: { id, expiresAt: { gt: new Date() }, user: { disabled: false } },
    select: { id: true, expiresAt: true, user: { select: { id: true, email: true, name: true, role: true } } },
  });
}

/** Ends one session (signing out). */
export async function endSession(id: unknown): Promise<void> {
  if (typeof id === 'string' && id) await db.session.deleteMany({ where: { id } });
}

/** Ends every session of a user but `keep` (the one making the change, when it is the user's own). */
export async function endUserSessions(userId: number, keep?: string, client: Pick<typeof db, 'session'> = db): Promise<void> {
  await client.session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
}
