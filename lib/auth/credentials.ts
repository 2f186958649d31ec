import { z } from 'zod';
import { db } from '@/lib/db';
import { hashPassword, verifyPassword } from './password';
import { clearFailures, lockedUntil, recordFailure, throttleKeys } from './rate-limit';

export const SIGN_IN_FAILED = '邮箱或密码不正确，或账号已停用。';
export const SIGN_IN_LOCKED = '失败次数过多，请 15 分钟后再试。';

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

/**
 * Checks email and password with per-account and per-address rate limiting.
 * Every failure looks and takes the same, whether or not the account exists.
 */
export async function authenticate(input: unknown, ip: string): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(input);
  const email = parsed.success ? parsed.data.email : '';
  const keys = throttleKeys(email, ip);
  if (await lockedUntil(keys)) throw new Error(SIGN_IN_LOCKED);
  const user = email ? await db.user.findUnique({ where: { email } }) : null;
  const valid = await verifyPassword(user?.passwordHash ?? (await decoy()), parsed.success ? parsed.data.password : '');
  if (!user || !valid || user.disabled) {
    await recordFailure(keys);
    throw new Error(SIGN_IN_FAILED);
  }
  await clearFailures(email);
  return { id: String(user.id), email: user.email, name: user.name, role: user.role };
}
