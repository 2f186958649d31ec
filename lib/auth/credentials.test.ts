import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { createUser } from '@/lib/users/mutations';
import { connectTestDatabase } from '@/test/database';
import { authenticate, SIGN_IN_FAILED, type SignInOrigin } from './credentials';
import { FIRST_DELAY_SECONDS } from './rate-limit';

const PASSWORD = 'a long enough password';
const DELAYED = /请 (\d+) 秒后再试/;
const from = (address: string, device: SignInOrigin['device'] = null): SignInOrigin => ({ address, device });

/** The message an attempt was refused with. */
const refusal = (attempt: Promise<unknown>) => attempt.then(() => 'signed in', (error: Error) => error.message);

/** As if the wait were over: every throttle's retry time is now. */
const skipTheWait = () => db.signInThrottle.updateMany({ data: { retryAt: new Date() } });

beforeAll(async () => {
  await connectTestDatabase();
  await createUser({ email: 'ed@example.com', role: 'editor', password: PASSWORD });
  await createUser({ email: 'off@example.com', role: 'editor', password: PASSWORD });
  await db.user.update({ where: { email: 'off@example.com' }, data: { disabled: true } });
});
afterAll(() => disconnectDb());

describe('authenticate', () => {
  it('signs in with the right password, case-insensitively by email', async () => {
    const result = await authenticate({ email: ' ED@example.com ', password: PASSWORD }, from('10.0.0.1'));
    expect(result.user).toMatchObject({ email: 'ed@example.com', role: 'editor' });
    expect(result.deviceId).toMatch(/^[\w-]{16,}$/);
  });

  it('says the same for a wrong password, an unknown email and a disabled account', async () => {
    await expect(authenticate({ email: 'ed@example.com', password: 'wrong' }, from('10.0.0.2'))).rejects.toThrow(SIGN_IN_FAILED);
    await expect(authenticate({ email: 'nobody@example.com', password: 'wrong' }, from('10.0.0.2'))).rejects.toThrow(SIGN_IN_FAILED);
    await expect(authenticate({ email: 'off@example.com', password: PASSWORD }, from('10.0.0.2'))).rejects.toThrow(SIGN_IN_FAILED);
    await expect(authenticate({ nonsense: true }, from('10.0.0.2'))).rejects.toThrow(SIGN_IN_FAILED);
  });
});

describe('lock-out an attacker cannot aim', () => {
  it('after 5 failures makes the account wait, longer after each further failure, then lets the right password in', async () => {
    await createUser({ email: 'target@example.com', role: 'editor', password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      await expect(authenticate({ email: 'target@example.com', password: `guess ${i}` }, from(`10.1.0.${i}`))).rejects.toThrow(SIGN_IN_FAILED);
    }
    const first = await refusal(authenticate({ email: 'target@example.com', password: PASSWORD }, from('10.1.0.99')));
    expect(first).toMatch(DELAYED);
    const firstWait = Number(first.match(DELAYED)![1]);
    expect(firstWait).toBeLessThanOrEqual(FIRST_DELAY_SECONDS);

    await skipTheWait();
    await expect(authenticate({ email: 'target@example.com', password: 'guess 6' }, from('10.1.0.6'))).rejects.toThrow(SIGN_IN_FAILED);
    const second = await refusal(authenticate({ email: 'target@example.com', password: PASSWORD }, from('10.1.0.99')));
    expect(Number(second.match(DELAYED)![1])).toBeGreaterThan(firstWait);

    await skipTheWait();
    await expect(authenticate({ email: 'target@example.com', password: PASSWORD }, from('10.1.0.99'))).resolves.toMatchObject({ user: { email: 'target@example.com' } });
    // The proven password forgives the account: the next mistake is not delayed.
    await expect(authenticate({ email: 'target@example.com', password: 'typo' }, from('10.1.0.99'))).rejects.toThrow(SIGN_IN_FAILED);
  });

  it('lets the owner in at once from a device that signed in before, while the attacker keeps waiting', async () => {
    const owner = await createUser({ email: 'owner@example.com', role: 'editor', password: PASSWORD });
    const { deviceId } = await authenticate({ email: 'owner@example.com', password: PASSWORD }, from('192.0.2.10'));
    for (let i = 0; i < 8; i++) {
      await authenticate({ email: 'owner@example.com', password: `guess ${i}` }, from(`10.3.0.${i}`)).catch(() => undefined);
    }
    await expect(authenticate({ email: 'owner@example.com', password: PASSWORD }, from('10.3.0.50'))).rejects.toThrow(DELAYED);
    const device = { userId: owner.id, id: deviceId };
    await expect(authenticate({ email: 'owner@example.com', password: PASSWORD }, from('192.0.2.99', device))).resolves.toMatchObject({ deviceId });
    await expect(authenticate({ email: 'owner@example.com', password: PASSWORD }, from('10.3.0.50'))).rejects.toThrow(DELAYED);
  });

  it('does not let a device known to one account skip another account’s wait', async () => {
    const mallory = await createUser({ email: 'mallory@example.com', role: 'editor', password: PASSWORD });
    await createUser({ email: 'victim@example.com', role: 'editor', password: PASSWORD });
    const { deviceId } = await authenticate({ email: 'mallory@example.com', password: PASSWORD }, from('10.4.0.1'));
    const device = { userId: mallory.id, id: deviceId };
    for (let i = 0; i < 5; i++) await authenticate({ email: 'victim@example.com', password: `guess ${i}` }, from('10.4.0.1', device)).catch(() => undefined);
    await expect(authenticate({ email: 'victim@example.com', password: 'guess 5' }, from('10.4.0.1', device))).rejects.toThrow(DELAYED);
  });

  it('slows an address that fails across many accounts, without slowing those accounts elsewhere', async () => {
    for (let i = 0; i < 20; i++) {
      await expect(authenticate({ email: `spray${i}@example.com`, password: 'x' }, from('10.2.0.1'))).rejects.toThrow(SIGN_IN_FAILED);
    }
    await expect(authenticate({ email: 'ed@example.com', password: PASSWORD }, from('10.2.0.1'))).rejects.toThrow(DELAYED);
    await expect(authenticate({ email: 'ed@example.com', password: PASSWORD }, from('10.2.0.2'))).resolves.toMatchObject({ user: { email: 'ed@example.com' } });
  });

  it('counts an IPv6 client by its /64, so hopping addresses inside it does not help', async () => {
    for (let i = 1; i <= 20; i++) await authenticate({ email: `v6-${i}@example.com`, password: 'x' }, from(`2001:db8:1:2::${i.toString(16)}`)).catch(() => undefined);
    await expect(authenticate({ email: 'ed@example.com', password: PASSWORD }, from('2001:db8:1:2:ffff::1'))).rejects.toThrow(DELAYED);
  });
});

describe('throttle rows', () => {
  it('expire a day after their last failure, and a forgotten count starts again', async () => {
    await db.signInThrottle.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({ key: `email:old${i}@example.com`, failures: 9, lastFailureAt: new Date(Date.now() - 25 * 3600_000), retryAt: null })),
    });
    await db.signInThrottle.create({ data: { key: 'email:stale@example.com', failures: 40, lastFailureAt: new Date(Date.now() - 25 * 3600_000) } });
    await authenticate({ email: 'stale@example.com', password: 'x' }, from('10.5.0.1')).catch(() => undefined);
    expect(await db.signInThrottle.count({ where: { key: { startsWith: 'email:old' } } })).toBe(0);
    expect(await db.signInThrottle.findUniqueOrThrow({ where: { key: 'email:stale@example.com' } })).toMatchObject({ failures: 1, retryAt: null });
  });
});

describe('user enumeration', () => {
  it('takes about as long for an unknown email as for a wrong password', async () => {
    const time = async (email: string, i: number) => {
      await db.signInThrottle.deleteMany();
      const start = performance.now();
      await authenticate({ email, password: 'wrong password' }, from(`10.9.${i}.1`)).catch(() => undefined);
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
