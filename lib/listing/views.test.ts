import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { createPost } from '@/lib/posts/mutations';
import { renderBody } from '@/lib/render/render';
import { connectTestDatabase } from '@/test/database';
import { windowOfPosts, type Cursor, type PostWindow } from './views';
import { publicPostWhere } from './visibility';
import { postSnapshot } from '@/test/post-snapshot';

const base = postSnapshot();
const COUNT = 25;
/** Slugs newest first: p24 … p0. */
const newestFirst = Array.from({ length: COUNT }, (_, i) => `p${COUNT - 1 - i}`);

const slugs = (window: PostWindow | null) => window!.items.map((p) => p.slug);
const list = (cursor: Cursor | null, size: number) => windowOfPosts(publicPostWhere(), cursor, size);

beforeAll(async () => {
  await connectTestDatabase();
  const rendered = await renderBody('markdown', '正文');
  for (let i = 0; i < COUNT; i++) {
    const snapshot = { ...base, slug: `p${i}`, title: `第 ${i} 篇`, publishedAt: new Date(Date.UTC(2024, 0, 1 + i)) };
    await db.$transaction((tx) => createPost(tx, snapshot, rendered, { authorId: null }));
  }
});
afterAll(() => disconnectDb());

describe('a public list at the configured page size', () => {
  it('shows as many posts as the setting says and pages through all of them once', async () => {
    for (const size of [1, 7, 10, 100]) {
      const seen: string[] = [];
      let window = await list(null, size);
      expect(window!.items.length).toBe(Math.min(size, COUNT));
      for (let page = 1; window; page++) {
        expect(window.page).toBe(page);
        seen.push(...slugs(window));
        window = window.older && (await list(window.older, size));
      }
      expect(seen).toEqual(newestFirst);
    }
  });

  it('answers a window link made at another page size with a full page from that post on', async () => {
    const firstAtTen = await list(null, 10);
    const olderAtTwenty = await list(firstAtTen!.older, 20);
    expect(slugs(olderAtTwenty)).toEqual(newestFirst.slice(10, 25));
    // Not the first page, though only half a page is newer; the newer link goes to the first page.
    expect(olderAtTwenty!.page).toBe(2);
    expect(olderAtTwenty!.newerIsFirst).toBe(true);

    const secondAtThree = await list((await list(null, 3))!.older, 3);
    expect(slugs(await list(secondAtThree!.older, 5))).toEqual(newestFirst.slice(6, 11));
  });

  it('shows the whole first page for a newer-than window with nothing newer beyond it', async () => {
    const secondAtTen = await list((await list(null, 10))!.older, 10);
    const back = await list(secondAtTen!.newer, 20);
    expect(slugs(back)).toEqual(newestFirst.slice(0, 20));
    expect(back!.newer).toBeNull();
    expect(back!.page).toBe(1);
    expect(back!.older).toEqual({ direction: 'before', id: back!.items.at(-1)!.id });
  });
});
