import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { savePost } from '@/lib/posts/write';
import { createUser } from '@/lib/users/mutations';
import type { PostSnapshot } from '@/lib/validations/post';
import { connectTestDatabase } from '@/test/database';
import { getRevisionPair, listRevisionSummaries } from './queries';

const base: PostSnapshot = {
  slug: 'history', title: '历史', description: null, keywords: null, publishedAt: new Date('2024-01-01'), utcOffset: 480, status: 'draft',
  format: 'markdown', body: '第一版。', sourceId: null, sourceUrl: null, coverImage: null, coverAlt: null,
  featuredImage: null, featuredImagePreview: null, tags: ['历史'], categories: [], extra: {},
};
let authorId: number;
let postId: number;

async function save(version: number, change: Partial<PostSnapshot>) {
  const outcome = await savePost({ postId, baseVersion: version, snapshot: { ...base, ...change }, authorId });
  if (outcome.kind !== 'saved') throw new Error(`not saved: ${outcome.kind}`);
}

beforeAll(async () => {
  await connectTestDatabase();
  authorId = (await createUser({ email: 'history@example.com', role: 'editor', password: 'a long enough password' })).id;
  const first = await savePost({ snapshot: base, authorId });
  if (first.kind !== 'saved') throw new Error('not saved');
  postId = first.saved.id;
  await save(1, { title: '历史（改）' });
  await save(2, { title: '历史（改）', body: '第二版。\r\n', tags: ['历史', '新标签'] });
  await save(3, { title: '历史（改）', body: '第二版。', tags: ['历史', '新标签'], status: 'published', format: 'html' });
});
afterAll(() => disconnectDb());

describe('the revision history', () => {
  it('lists what each save changed, stored with it, and never a body', async () => {
    const list = await listRevisionSummaries(postId);
    expect(list.map((r) => [r.number, r.changedFields])).toEqual([
      [4, ['published', 'format']],
      [3, ['tags', 'body']],
      [2, ['title']],
      [1, []],
    ]);
    for (const revision of list) expect(Object.keys(revision).sort()).toEqual(['author', 'changedFields', 'createdAt', 'message', 'number']);
  });

  it('loads the bodies of the two revisions compared, and only those', async () => {
    const pair = await getRevisionPair(postId, 1, 3);
    expect(pair?.left.body).toBe('第一版。');
    expect(pair?.right).toMatchObject({ body: '第二版。\r\n', frontMatter: { title: '历史（改）', tags: ['历史', '新标签'] } });
    expect(await getRevisionPair(postId, 1, 99)).toBeNull();
  });

  it('backfills revisions saved before the column existed with what saving stores', async () => {
    const stored = await db.revision.findMany({ where: { postId }, orderBy: { number: 'asc' }, select: { changedFields: true } });
    await db.$executeRaw`UPDATE revisions SET changed_fields = '{}'`;
    const migration = readFileSync('prisma/migrations/20261202100000_revision_changed_fields/migration.sql', 'utf8');
    await db.$executeRawUnsafe(migration.slice(migration.indexOf('UPDATE "revisions"')));
    expect(await db.revision.findMany({ where: { postId }, orderBy: { number: 'asc' }, select: { changedFields: true } })).toEqual(stored);
  });
});
