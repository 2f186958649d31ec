import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('uses argon2id with a fresh salt and verifies only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('s3cret-passphrase'), hashPassword('s3cret-passphrase')]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 's3cret-passphrase')).toBe(true);
    expect(await verifyPassword(a, 'S3cret-passphrase')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
