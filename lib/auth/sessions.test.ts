import type { Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { createUser, resetPassword, updateUserAccess } from '@/lib/users/mutations';
import { connectTestDatabase } from '@/test/database';
import { authOptions } from './options';
import { SESSION_LIFETIME_SECONDS } from './sessions';

const PASSWORD = 'a long enough password';
const { jwt, session } = authOptions.callbacks as Required<NonNullable<typeof authOptions.callbacks>>;

/** What next-auth does at sign-in: the jwt callback with the user; returns the token the cookie carries. */
async function signIn(userId: number): Promise<JWT> {
  const user = { id: String(userId), email: '', role: 'editor' };
  return (await jwt({ token: { sub: String(userId) }, user, account: null, trigger: 'signIn' } as never)) as JWT;
}

/** What every request and every `/api/auth/session` call does with the cookie's token. */
async function read(token: JWT): Promise<(Session & { sid?: string }) | null> {
  const renewed = (await jwt({ token } as never)) as JWT;
  return (session({ session: { expires: '', user: {} }, token: renewed } as never) as Promise<Session>).catch(() => null);
}

let admin: { id: number };
beforeAll(async () => {
  await connectTestDatabase();
  admin = await createUser({ email: 'admin@example.com', role: 'admin', password: PASSWORD });
});
afterAll(() => disconnectDb());

async function newEditor(name: string) {
  return createUser({ email: `${name}-${Date.now()}@example.com`, role: 'editor', password: PASSWORD });
}

describe('sessions', () => {
  it('record when the user last signed in', async () => {
    const user = await createUser({ email: 'last-seen@example.com', role: 'editor', password: PASSWORD });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeNull();
    const before = Date.now();
    await signIn(user.id);
    const { lastSignInAt } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(lastSignInAt!.getTime()).toBeGreaterThanOrEqual(before - 5);
  });

  it('last 8 hours from sign-in, and reading or renewing them never moves that', async () => {
    const user = await newEditor('lifetime');
    const before = Date.now();
    const token = await signIn(user.id);
    const first = await read(token);
    expect(first?.user).toMatchObject({ id: String(user.id), role: 'editor' });
    const expires = Date.parse(first!.expires);
    expect(expires - before).toBeGreaterThanOrEqual(SESSION_LIFETIME_SECONDS * 1000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(SESSION_LIFETIME_SECONDS * 1000 + 1000);
    for (let i = 0; i < 3; i++) expect(Date.parse((await read(token))!.expires)).toBe(expires);

    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await read(token)).toBeNull();
  });

  it('end one at a time on sign-out, the other browsers staying signed in', async () => {
    const user = await newEditor('signout');
    const [laptop, phone] = [await signIn(user.id), await signIn(user.id)];
    await authOptions.events!.signOut!({ token: laptop, session: null as never });
    expect(await read(laptop)).toBeNull();
    expect(await read(phone)).not.toBeNull();
  });

  it('all end on a password reset, a role change or disabling', async () => {
    for (const change of [
      (id: number) => resetPassword({ id: admin.id }, id),
      (id: number) => updateUserAccess({ id: admin.id }, id, { role: 'admin' }),
      (id: number) => updateUserAccess({ id: admin.id }, id, { disabled: true }),
    ]) {
      const user = await newEditor('revoke');
      const tokens = [await signIn(user.id), await signIn(user.id)];
      await change(user.id);
      for (const token of tokens) expect(await read(token)).toBeNull();
    }
  });

  it('keep the session of an admin who resets their own password, and end their others', async () => {
    const me = await createUser({ email: `self-${Date.now()}@example.com`, role: 'admin', password: PASSWORD });
    const [here, elsewhere] = [await signIn(me.id), await signIn(me.id)];
    await resetPassword({ id: me.id, sessionId: here.sid as string }, me.id);
    expect(await read(here)).not.toBeNull();
    expect(await read(elsewhere)).toBeNull();
  });

  it('are refused for a token without a session (one issued before sessions were recorded) or a disabled user', async () => {
    expect(await read({ sub: String(admin.id) })).toBeNull();
    const user = await newEditor('disabled');
    const token = await signIn(user.id);
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await read(token)).toBeNull();
  });

  it('expired rows are deleted at the next sign-in', async () => {
    const user = await newEditor('purge');
    await db.session.create({ data: { id: 'old-session', userId: user.id, expiresAt: new Date(Date.now() - 60_000) } });
    await signIn(user.id);
    expect(await db.session.findUnique({ where: { id: 'old-session' } })).toBeNull();
  });
});
