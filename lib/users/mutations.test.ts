import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { db, disconnectDb } from '@/lib/db';
import { connectTestDatabase } from '@/test/database';
import { createFirstAdmin, createUser } from './mutations';

beforeAll(() => connectTestDatabase());
afterAll(() => disconnectDb());

describe('createFirstAdmin', () => {
  it('creates an admin with a random password once, and never again', async () => {
    const first = await createFirstAdmin();
    expect(first).toMatchObject({ email: 'admin@example.com', password: expect.stringMatching(/^\S{16,}$/) });
    const stored = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
    expect(stored.role).toBe('admin');
    expect(await verifyPassword(stored.passwordHash, first!.password)).toBe(true);
    expect(await createFirstAdmin()).toBeNull();
  });
});

describe('createUser', () => {
  it('normalises the email and refuses bad input with the field named', async () => {
    const user = await createUser({ email: '  Mixed@Example.COM ', role: 'editor', password: 'long enough password' });
    expect(user.email).toBe('mixed@example.com');
    await expect(createUser({ email: 'nope', role: 'editor', password: 'long enough password' })).rejects.toThrow(/邮箱（email）：需为电子邮件地址/);
    await expect(createUser({ email: 'MIXED@example.com', role: 'editor', password: 'long enough password' })).rejects.toThrow(/已有使用/);
  });
});
