import { z } from 'zod';
import { db } from '@/lib/db';
import type { KnownDevice } from './known-device';
import { newDeviceId } from './known-device';
import { hashPassword, verifyPassword } from './password';
import { addressKey, deviceKey, emailKey, forgive, recordFailure, secondsToWait } from './rate-limit';

export const SIGN_IN_FAILED = '邮箱或密码不正确，或账号已停用。';
export const signInDelayed = (seconds: number) => `尝试次数过多，请 ${seconds} 秒后再试。`;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1024),
});

// Verifying against a real hash when the account does not exist keeps the timing the same.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('decoy password that never matches'));

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  role: 'admin' | 'editor';
}

/** Where an attempt comes from: the client's address (lib/security/client-address.ts) and its known-device cookie. */
export interface SignInOrigin {
  address: string;
  device: KnownDevice | null;
}

/**
 * Checks email and password. Failures slow down the account and the address
 * (lib/auth/rate-limit.ts); a device that signed in to this account before is
 * slowed only by its own failures, so nobody can lock the owner out. Every
 * failure looks and takes the same, whether or not the account exists.
 * Returns the user and the device id to remember in the browser.
 */
export async function authenticate(input: unknown, origin: SignInOrigin): Promise<{ user: SignedInUser; deviceId: string }> {
  const parsed = credentialsSchema.safeParse(input);
  const email = parsed.success ? parsed.data.email : '';
  const user = email ? await db.user.findUnique({ where: { email } }) : null;
  const known = user && origin.device?.userId === user.id ? origin.device : null;
  const failureKeys = [emailKey(email), addressKey(origin.address), ...(known ? [deviceKey(known.id)] : [])];
  const wait = await secondsToWait(known ? [deviceKey(known.id)] : failureKeys);
  if (wait > 0) throw new Error(signInDelayed(wait));
  const valid = await verifyPassword(user?.passwordHash ?? (await decoy()), parsed.success ? parsed.data.password : '');
  if (!user || !valid || user.disabled) {
    await recordFailure(failureKeys);
    throw new Error(SIGN_IN_FAILED);
  }
  // A known device forgives only itself: the account stays slow for whoever else is guessing.
  await forgive(known ? deviceKey(known.id) : emailKey(email));
  return { user: { id: String(user.id), email: user.email, name: user.name, role: user.role }, deviceId: known?.id ?? newDeviceId() };
}
