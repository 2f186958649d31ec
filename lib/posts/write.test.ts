import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { createUser } from '@/lib/users/mutations';
import type { PostSnapshot } from '@/lib/validations/post';
import { connectTestDatabase } from '@/test/database';
import { postWithTermsInclude, snapshotOfPost } from './snapshot';
import { deletePost, restoreRevision, savePost, setPostTrashed } from './write';

// Every field set to something other than its default, so a column the INSERT forgot shows.
const full: PostSnapshot = {
  slug: 'every-field', title: '每个字段', description: '描述', keywords: 'a,b', publishedAt: new Date('2024-03-04T05:06:07Z'), utcOffset: -300,
  status: 'published', format: 'mdx', body: '# 正文', sourceId: '123456', sourceUrl: 'https://example.com/a', coverImage: '/images/a.png',
  coverAlt: '封面', featuredImage: 'https://example.com/f.png', featuredImagePreview: '/images/p.png', tags: ['甲', 'B'], categories: ['类'],
  extra: { layout: 'post', weight: 3 },
};
let authorId: number;

const stored = async (id: number) => snapshotOfPost(await db.post.findUniqueOrThrow({ where: { id }, include: postWithTermsInclude }));

beforeAll(async () => {
  await connectTestDatabase();
  authorId = (await createUser({ email: 'writer@example.com', role: 'editor', password: 'a long enough password' })).id;
});
afterAll(() => disconnectDb());

describe('the post write module', () => {
  it('stores every field of a new post, as an update would', async () => {
    const created = await savePost({ snapshot: full, authorId });
    if (created.kind !== 'saved') throw new Error(created.kind);
    expect(await stored(created.saved.id)).toEqual(full);
    const changed = { ...full, title: '改过', extra: { layout: 'page' } };
    await savePost({ postId: created.saved.id, baseVersion: 1, snapshot: changed, authorId });
    expect(await stored(created.saved.id)).toEqual(changed);
  });

  it('restores a revision as a new one, keeping the status unless asked, then trashes and deletes', async () => {
    const created = await savePost({ snapshot: { ...full, slug: 'restore-me', sourceId: null, status: 'draft' }, authorId });
    if (created.kind !== 'saved') throw new Error(created.kind);
    const id = created.saved.id;
    await savePost({ postId: id, baseVersion: 1, snapshot: { ...full, slug: 'restore-me', sourceId: null, title: '第二版', status: 'published' }, authorId });
    expect(await restoreRevision(id, 1, { withStatus: false, authorId })).toBe(3);
    expect(await stored(id)).toMatchObject({ title: full.title, status: 'published' });
    expect(await restoreRevision(id, 1, { withStatus: true, authorId })).toBe(4);
    expect((await stored(id)).status).toBe('draft');

    expect(await setPostTrashed(id, true)).toBe(true);
    expect((await db.post.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    expect(await deletePost(id, '别的标题')).toBe('unconfirmed');
    expect(await db.revision.count({ where: { postId: id } })).toBe(4);
    expect(await deletePost(id, full.title)).toBe('deleted');
    expect(await db.revision.count({ where: { postId: id } })).toBe(0);
    expect(await deletePost(id, full.title)).toBe('missing');
    expect(await setPostTrashed(id, false)).toBe(false);
  });

  it('takes a save retried after its answer was lost as saved, and still refuses other text on a stale version', async () => {
    const created = await savePost({ snapshot: { ...full, slug: 'retried', sourceId: null }, authorId });
    if (created.kind !== 'saved') throw new Error(created.kind);
    const id = created.saved.id;
    const mine = { ...full, slug: 'retried', sourceId: null, body: '重试的正文' };
    expect((await savePost({ postId: id, baseVersion: 1, snapshot: mine, authorId })).kind).toBe('saved');
    // The server went away before answering: the editor sends the same save again, still based on version 1.
    expect(await savePost({ postId: id, baseVersion: 1, snapshot: mine, authorId })).toEqual({ kind: 'unchanged', version: 2, alreadySaved: true });
    expect(await db.revision.count({ where: { postId: id } })).toBe(2);
    expect((await savePost({ postId: id, baseVersion: 1, snapshot: { ...mine, body: '别的正文' }, authorId })).kind).toBe('conflict');
  });
});
