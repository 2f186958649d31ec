import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { createUser } from '@/lib/users/mutations';
import { connectTestDatabase } from '@/test/database';
import { applyBulkChange } from './bulk';
import { savePost, setPostTrashed } from './write';
import { postSnapshot } from '@/test/post-snapshot';

const draft = postSnapshot({ slug: 'bulk-trashed', title: '回收站里的', publishedAt: new Date('2024-03-04T05:06:07Z'), status: 'draft' });
let authorId: number;

beforeAll(async () => {
  await connectTestDatabase();
  authorId = (await createUser({ email: 'bulk@example.com', role: 'editor', password: 'a long enough password' })).id;
});
afterAll(() => disconnectDb());

describe('bulk changes to a post in the trash', () => {
  it('neither publish nor tag it, and trashing it again keeps the day it went there', async () => {
    const created = await savePost({ snapshot: draft, authorId });
    if (created.kind !== 'saved') throw new Error(created.kind);
    const id = created.saved.id;
    expect(await setPostTrashed(id, true)).toBe(true);
    const trashedAt = (await db.post.findUniqueOrThrow({ where: { id } })).deletedAt;
    expect(await applyBulkChange([id], { kind: 'publish' }, authorId)).toBe(0);
    expect(await applyBulkChange([id], { kind: 'add-tag', tag: '偷偷' }, authorId)).toBe(0);
    expect(await applyBulkChange([id], { kind: 'trash' }, authorId)).toBe(0);
    const post = await db.post.findUniqueOrThrow({ where: { id }, include: { tags: true } });
    expect(post).toMatchObject({ status: 'draft', version: 1, deletedAt: trashedAt });
    expect(post.tags).toEqual([]);
    expect(await applyBulkChange([id], { kind: 'restore' }, authorId)).toBe(1);
    expect(await applyBulkChange([id], { kind: 'restore' }, authorId)).toBe(0);
  });
});
