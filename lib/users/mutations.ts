import { randomBytes } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import { endUserSessions } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import { userCreateSchema, type UserCreateInput } from '@/lib/validations/user';

const FIELD_NAMES: Record<string, string> = { email: '邮箱（email）', name: '名字（name）', role: '角色（role）', password: '密码（password）' };

export class UserInputError extends Error {
  override name = 'UserInputError';
}

/** Creates a user with an argon2id password hash; refuses invalid input or a taken email with a clear message. */
export async function createUser(input: UserCreateInput) {
  const parsed = userCreateSchema.safeParse(input);
  if (!parsed.success) {
    throw new UserInputError(parsed.error.issues.map((i) => `${FIELD_NAMES[String(i.path[0])] ?? i.path.join('.')}：${i.message}`).join('；'));
  }
  const { password, ...data } = parsed.data;
  try {
    return await db.user.create({
      data: { ...data, passwordHash: await hashPassword(password) },
      select: { id: true, email: true, role: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new UserInputError(`已有使用 ${data.email} 的用户`);
    }
    throw error;
  }
}

/**
 * On a site with no users, creates an admin with a random password and returns
 * the credentials (to be shown once); returns null when users exist.
 */
export async function createFirstAdmin(email = 'admin@example.com') {
  if ((await db.user.count()) > 0) return null;
  const password = randomBytes(15).toString('base64url');
  const user = await createUser({ email, name: 'Admin', role: 'admin', password });
  return { email: user.email, password };
}

/** Who makes a change: their id, and their own session, which a change to their own account leaves open. */
export interface Actor {
  id: number;
  sessionId?: string;
}

/**
 * Changes a user's role or disabled flag, ending the user's other sessions;
 * an admin cannot demote or disable themself (someone must remain).
 */
export async function updateUserAccess(actor: Actor, userId: number, change: { role?: 'admin' | 'editor'; disabled?: boolean }) {
  if (actor.id === userId && (change.role === 'editor' || change.disabled)) {
    throw new UserInputError('不能降低自己的角色或停用自己');
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: change, select: { id: true, email: true, role: true, disabled: true } });
    if (change.role !== undefined || change.disabled) await endUserSessions(userId, actor.id === userId ? actor.sessionId : undefined, tx);
    return user;
  });
}

/** Sets a new random password and returns it, to be shown once; every other session of the user ends. */
export async function resetPassword(actor: Actor, userId: number): Promise<string> {
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endUserSessions(userId, actor.id === userId ? actor.sessionId : undefined, tx);
  });
  return password;
}
