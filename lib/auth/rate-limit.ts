import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client.ts';
import { addressBucket } from '@/lib/security/client-address';

/**
 * Failures allowed before each kind of key is slowed down: an account, a client
 * address (higher: many people can share one) and a known device.
 */
export const THRESHOLDS = { email: 5, ip: 20, device: 5 } as const;
/** The wait after the threshold's failure; it doubles with each further one, up to the cap. */
export const FIRST_DELAY_SECONDS = 10;
export const MAX_DELAY_SECONDS = 15 * 60;
/** A key's failures are forgotten, and its row deleted, this long after its last failure. */
export const FORGET_AFTER_HOURS = 24;

type Kind = keyof typeof THRESHOLDS;
export type ThrottleKey = `${Kind}:${string}`;

export const emailKey = (email: string): ThrottleKey => `email:${email.trim().toLowerCase()}`;
export const addressKey = (address: string): ThrottleKey => `ip:${addressBucket(address)}`;
export const deviceKey = (id: string): ThrottleKey => `device:${id}`;

/** Seconds until every key allows another attempt (0: now). */
export async function secondsToWait(keys: ThrottleKey[]): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys }, retryAt: { gt: new Date() } }, select: { retryAt: true } });
  const until = Math.max(0, ...rows.map((r) => r.retryAt!.getTime()));
  return until ? Math.ceil((until - Date.now()) / 1000) : 0;
}

/**
 * Counts a failure against each key (one statement per key, so concurrent
 * failures all count); from the threshold on, the key must wait before its next
 * attempt. Then deletes every row whose last failure is long forgotten, so the
 * table holds one day of failures at most.
 */
export async function recordFailure(keys: ThrottleKey[]): Promise<void> {
  const forget = Prisma.sql`now() - make_interval(hours => ${FORGET_AFTER_HOURS})`;
  for (const key of keys) {
    const threshold = THRESHOLDS[key.slice(0, key.indexOf(':')) as Kind];
    const failures = Prisma.sql`CASE WHEN sign_in_throttles.last_failure_at < ${forget} THEN 1 ELSE sign_in_throttles.failures + 1 END`;
    const retry = (n: Prisma.Sql) => Prisma.sql`CASE WHEN ${n} >= ${threshold}
      THEN now() + make_interval(secs => least(${FIRST_DELAY_SECONDS} * power(2, ${n} - ${threshold}), ${MAX_DELAY_SECONDS}))
      ELSE NULL END`;
    await db.$executeRaw`
      INSERT INTO sign_in_throttles (key, failures, last_failure_at, retry_at) VALUES (${key}, 1, now(), ${retry(Prisma.sql`1`)})
      ON CONFLICT (key) DO UPDATE SET failures = ${failures}, last_failure_at = now(), retry_at = ${retry(failures)}`;
  }
  await db.$executeRaw`DELETE FROM sign_in_throttles WHERE last_failure_at < ${forget}`;
}

/** A proven password forgives the key's failures. */
export async function forgive(key: ThrottleKey): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}
