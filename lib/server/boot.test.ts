import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { createTestDatabase } from '@/test/database';
import { bootDatabase } from './boot';

let url: string;
beforeAll(async () => {
  url = await createTestDatabase({ migrated: false });
  process.env.DATABASE_URL = url;
});
afterAll(() => disconnectDb());

describe('bootDatabase', () => {
  it('lets several instances start at once on an empty database: one migrates, seeds and creates the admin', { timeout: 180_000 }, async () => {
    const logs: string[] = [];
    const boot = () => bootDatabase(url, { port: 3000, log: (m) => logs.push(m), warn: (m) => logs.push(m) });
    await Promise.all([boot(), boot(), boot()]);

    expect(logs.filter((line) => line.includes('an admin account was created'))).toHaveLength(1);
    expect(logs.filter((line) => line.startsWith('Seeded '))).toHaveLength(1);
    expect(logs.filter((line) => line.includes('✗'))).toEqual([]);
    expect(await db.user.count()).toBe(1);
    const posts = await db.post.count();
    expect(posts).toBeGreaterThan(10);
    // One revision per post: nothing was imported twice.
    expect(await db.revision.count()).toBe(posts);

    // A restart changes nothing and announces nothing.
    logs.length = 0;
    await boot();
    expect(logs.join('\n')).not.toMatch(/admin account|Seeded|Applied migration/);
  });
});
