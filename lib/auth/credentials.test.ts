import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { createUser } from '@/lib/users/mutations';
import { connectTestDatabase } from '@/test/database';
import { authenticate, SIGN_IN_FAILED, SIGN_IN_LOCKED } from './credentials';

const PASSWORD = 'a long enough password';

beforeAll(async () => {
  await connectTestDatabase();
  await createUser({ email: 'ed@example.com', role: 'editor', password: PASSWORD });
  await createUser({ email: 'off@example.com', role: 'editor', password: PASSWORD });
  await db.user.update({ where: { email: 'off@example.com' }, data: { disabled: true } });
});
afterAll(() => disconnectDb());

describe('authenticate', () => {
  it('signs in with the right password, case-insensitively by email', async () => {
    await expect(authenticate({ email: ' ED@example.com ', password: PASSWORD }, '10.0.0.1')).resolves.toMatchObject({ email: 'ed@example.com', role: 'editor' });
  });

  it('says the same for a wrong password, an unknown email and a disabled account', async () => {
    await expect(authenticate({ email: 'ed@example.com', password: 'wrong' }, '10.0.0.2')).rejects.toThrow(SIGN_IN_FAILED);
    await expect(authenticate({ email: 'nobody@example.com', password: 'wrong' }, '10.0.0.2')).rejects.toThrow(SIGN_IN_FAILED);
    await expect(authenticate({ email: 'off@example.com', password: PASSWORD }, '10.0.0.2')).rejects.toThrow(SIGN_IN_FAILED);
    await expect(authenticate({ nonsense: true }, '10.0.0.2')).rejects.toThrow(SIGN_IN_FAILED);
  });

  it('locks an account for 15 minutes after 5 failures, even for the right password', async () => {
    await createUser({ email: 'target@example.com', role: 'editor', password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      await expect(authenticate({ email: 'target@example.com', password: `guess ${i}` }, `10.1.0.${i}`)).rejects.toThrow(SIGN_IN_FAILED);
    }
    await expect(authenticate({ email: 'target@example.com', password: PASSWORD }, '10.1.0.99')).rejects.toThrow(SIGN_IN_LOCKED);
    const lock = await db.signInThrottle.findUniqueOrThrow({ where: { key: 'email:target@example.com' } });
    expect(lock.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
  });

  it('locks an address that fails across many accounts, without locking those accounts elsewhere', async () => {
    for (let i = 0; i < 20; i++) {
      await expect(authenticate({ email: `spray${i}@example.com`, password: 'x' }, '10.2.0.1')).rejects.toThrow(SIGN_IN_FAILED);
    }
    await expect(authenticate({ email: 'ed@example.com', password: PASSWORD }, '10.2.0.1')).rejects.toThrow(SIGN_IN_LOCKED);
    await expect(authenticate({ email: 'ed@example.com', password: PASSWORD }, '10.2.0.2')).resolves.toMatchObject({ email: 'ed@example.com' });
  });
});

describe('user enumeration', () => {
  it('takes about as long for an unknown email as for a wrong password', async () => {
    const time = async (email: string, i: number) => {
      await db.signInThrottle.deleteMany();
      const start = performance.now();
      await authenticate({ email, password: 'wrong password' }, `10.9.${i}.1`).catch(() => undefined);
      return performance.now() - start;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 12; i++) {
      known.push(await time('ed@example.com', i));
      unknown.push(await time(`ghost${i}@example.com`, i));
    }
    const [k, u] = [median(known), median(unknown)];
    console.log(`sign-in timing: existing account ${k.toFixed(1)} ms, unknown email ${u.toFixed(1)} ms (median of 12; difference ${(k - u).toFixed(1)} ms)`);
    expect(u / k).toBeGreaterThan(0.5);
    expect(u / k).toBeLessThan(2);
  });
});
