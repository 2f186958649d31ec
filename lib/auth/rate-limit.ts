import { db } from '@/lib/db';

/** Failures allowed per account, and per address (higher: many people can share one address). */
export const MAX_FAILURES = { email: 5, ip: 20 } as const;
export const LOCK_MINUTES = 15;

/** Throttle keys for one attempt: the account and the client address, each limited on its own. */
export function throttleKeys(email: string, ip: string): string[] {
  return [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];
}

/** The time until which any of the keys is locked, or null. */
export async function lockedUntil(keys: string[]): Promise<Date | null> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: new Date() } } });
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/**
 * Counts a failure against each key inside a 15-minute window; reaching the
 * limit locks the key for 15 minutes. One statement per key, so concurrent failures all count.
 */
export async function recordFailure(keys: string[]): Promise<void> {
  for (const key of keys) {
    const limit = key.startsWith('ip:') ? MAX_FAILURES.ip : MAX_FAILURES.email;
    await db.$executeRaw`
      INSERT INTO sign_in_throttles (key, failures, window_start) VALUES (${key}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN sign_in_throttles.window_start < now() - make_interval(mins => ${LOCK_MINUTES})
                        THEN 1 ELSE sign_in_throttles.failures + 1 END,
        window_start = CASE WHEN sign_in_throttles.window_start < now() - make_interval(mins => ${LOCK_MINUTES})
                            THEN now() ELSE sign_in_throttles.window_start END,
        locked_until = CASE WHEN sign_in_throttles.window_start >= now() - make_interval(mins => ${LOCK_MINUTES})
                             AND sign_in_throttles.failures + 1 >= ${limit}
                            THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE sign_in_throttles.locked_until END`;
  }
}

/** A successful sign-in forgives the account's failures (not the address's). */
export async function clearFailures(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
