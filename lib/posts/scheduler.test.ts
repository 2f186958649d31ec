import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { renderBody } from '@/lib/render/render';
import type { PostSnapshot } from '@/lib/validations/post';
import { connectTestDatabase } from '@/test/database';
import { createPost } from './mutations';
import { publishDuePosts } from './scheduler';

const base: PostSnapshot = {
  slug: 'x', title: '定时', description: null, keywords: null, publishedAt: new Date(), utcOffset: 480, status: 'scheduled',
  format: 'markdown', body: '正文', sourceId: null, sourceUrl: null, coverImage: null, coverAlt: null,
  featuredImage: null, featuredImagePreview: null, tags: ['定时标签'], categories: [], extra: {},
};

async function add(snapshot: Partial<PostSnapshot>) {
  const full = { ...base, ...snapshot };
  return db.$transaction(async (tx) => createPost(tx, full, await renderBody(full.format, full.body), { authorId: null }));
}

beforeAll(() => connectTestDatabase());
afterAll(() => disconnectDb());

describe('publishDuePosts', () => {
  it('publishes due scheduled posts as a new revision, leaves future ones, and reports newly visible ones', async () => {
    const due = await add({ slug: 'due', publishedAt: new Date(Date.now() - 60_000) });
    const later = await add({ slug: 'later', publishedAt: new Date(Date.now() + 3_600_000) });
    const arrived = await add({ slug: 'arrived', status: 'published', publishedAt: new Date(Date.now() - 10_000) });

    const { affected } = await publishDuePosts(new Date(Date.now() - 30_000));
    const slugs = affected.flatMap((a) => a.slugs);
    expect(slugs).toEqual(expect.arrayContaining(['due', 'arrived']));
    expect(slugs).not.toContain('later');
    expect(affected[0]!.tagSlugs).toContain('定时标签');

    const published = await db.post.findUniqueOrThrow({ where: { id: due.id }, include: { revisions: { orderBy: { number: 'asc' } } } });
    expect(published.status).toBe('published');
    expect(published.revisions.map((r) => [r.number, r.message])).toEqual([[1, null], [2, '按计划发布']]);
    expect((await db.post.findUniqueOrThrow({ where: { id: later.id } })).status).toBe('scheduled');
    expect(arrived.version).toBe(1);

    expect((await publishDuePosts(new Date())).affected).toEqual([]);
  });

  it('publishes a due post once when several instances run the job at the same moment', async () => {
    const due = await add({ slug: 'raced', publishedAt: new Date(Date.now() - 60_000) });
    const since = new Date(Date.now() - 30_000);
    const runs = await Promise.all([publishDuePosts(since), publishDuePosts(since), publishDuePosts(since)]);

    expect(runs.flatMap((r) => r.affected).filter((a) => a.slugs.includes('raced')).length).toBeGreaterThanOrEqual(1);
    const revisions = await db.revision.findMany({ where: { postId: due.id }, orderBy: { number: 'asc' } });
    expect(revisions.map((r) => r.message)).toEqual([null, '按计划发布']);
    expect((await db.post.findUniqueOrThrow({ where: { id: due.id } })).status).toBe('published');
  });
});
