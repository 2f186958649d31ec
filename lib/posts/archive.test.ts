import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { windowOfPosts } from '@/lib/listing/views';
import { renderBody } from '@/lib/render/render';
import type { PostSnapshot } from '@/lib/validations/post';
import { connectTestDatabase } from '@/test/database';
import { monthWhere } from './archive';
import { createPost } from './mutations';
import { postSnapshot } from '@/test/post-snapshot';

const base = postSnapshot();

async function add(slug: string, iso: string, utcOffset: number, status: PostSnapshot['status'] = 'published') {
  const snapshot = { ...base, slug, publishedAt: new Date(iso), utcOffset, status };
  const rendered = await renderBody('markdown', '正文');
  await db.$transaction((tx) => createPost(tx, snapshot, rendered, { authorId: null }));
}

beforeAll(async () => {
  await connectTestDatabase();
  // Beijing's 1 February (UTC+8) though January in UTC; New York's 31 January though February in UTC.
  await add('beijing-feb', '2024-01-31T20:00:00Z', 480);
  await add('london-jan', '2024-01-31T20:00:00Z', 0);
  await add('newyork-jan', '2024-02-01T02:00:00Z', -300);
  await add('utc-feb', '2024-02-01T02:00:00Z', 0);
  for (let day = 2; day <= 8; day++) await add(`feb-${day}`, `2024-02-0${day}T12:00:00Z`, 480);
  await add('draft-feb', '2024-02-10T12:00:00Z', 480, 'draft');
  await add('march', '2024-02-29T20:00:00Z', 480);
});
afterAll(() => disconnectDb());

const slugsOf = async (year: number, month: number, size: number) => {
  const where = await monthWhere(year, month);
  const seen: string[] = [];
  for (let window = await windowOfPosts(where, null, size); window; window = window.older && (await windowOfPosts(where, window.older, size))) {
    expect(window.items.length).toBeLessThanOrEqual(size);
    seen.push(...window.items.map((p) => p.slug));
  }
  return { seen, total: await db.post.count({ where }) };
};

describe("an archive month's windows", () => {
  it("hold exactly the month's published posts by each post's own offset, a page at a time", async () => {
    const february = await slugsOf(2024, 2, 3);
    expect(february.seen).toEqual(['feb-8', 'feb-7', 'feb-6', 'feb-5', 'feb-4', 'feb-3', 'feb-2', 'utc-feb', 'beijing-feb']);
    expect(february.total).toBe(9);
    expect((await slugsOf(2024, 1, 3)).seen).toEqual(['newyork-jan', 'london-jan']);
    expect((await slugsOf(2024, 3, 3)).seen).toEqual(['march']);
  });
});
