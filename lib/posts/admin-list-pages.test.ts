import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb } from '@/lib/db';
import { connectTestDatabase } from '@/test/database';
import { ADMIN_PAGE_SIZE, listAdminPosts, type AdminPostFilter } from './admin-list';
import { savePost } from './write';
import { postSnapshot } from '@/test/post-snapshot';

const base = postSnapshot({ publishedAt: new Date('2024-05-01T00:00:00Z') });
const ZONE = 'Asia/Shanghai';
const TITLES = ['中文', '阿里', '北京', 'Zebra', 'apple', '北京'];
const POSTS = 80;

beforeAll(async () => {
  await connectTestDatabase();
  for (let i = 0; i < POSTS; i++) {
    // Repeated titles and publication days, so ties are broken by id in every sort.
    const publishedAt = new Date(Date.UTC(2024, 0, 1 + (i % 7)));
    const saved = await savePost({
      snapshot: { ...base, slug: `p${i}`, title: `${TITLES[i % TITLES.length]}${i % 4 === 0 ? '' : ` ${i % 9}`}`, publishedAt, status: i % 5 ? 'published' : 'draft', tags: i % 2 ? ['单数'] : [] },
      authorId: null,
    });
    if (saved.kind !== 'saved') throw new Error(saved.kind);
  }
}, 120_000);
afterAll(() => disconnectDb());

const ids = (list: { posts: { id: number }[] }) => list.posts.map((p) => p.id);

/** Every page by number (offset), then the same list walked with the next and previous links. */
async function walk(filter: AdminPostFilter, options?: { countLimit?: number }) {
  const byNumber: number[][] = [];
  const first = await listAdminPosts(filter, ZONE, options);
  for (let page = 1; page <= first.pageCount; page++) byNumber.push(ids(await listAdminPosts({ ...filter, page }, ZONE, options)));
  const forward: number[][] = [ids(first)];
  let at = first;
  while (at.next) {
    at = await listAdminPosts({ ...filter, page: at.page + 1, after: at.next }, ZONE, options);
    forward.push(ids(at));
  }
  const backward: number[][] = [ids(at)];
  while (at.prev) {
    at = await listAdminPosts({ ...filter, page: at.page - 1, before: at.prev }, ZONE, options);
    backward.unshift(ids(at));
  }
  return { byNumber, forward, backward, first };
}

describe('the post list pages', () => {
  it.each(['updated', 'published', 'title'] as const)('by %s: the next and previous links give the same pages as page numbers', async (sort) => {
    const { byNumber, forward, backward } = await walk({ sort });
    expect(byNumber.flat()).toHaveLength(POSTS);
    expect(new Set(byNumber.flat()).size).toBe(POSTS);
    expect(forward).toEqual(byNumber);
    expect(backward).toEqual(byNumber);
  });

  it('pages a filtered list the same both ways', async () => {
    const { byNumber, forward, backward } = await walk({ sort: 'title', tag: '单数', status: 'published' });
    expect(byNumber.flat().length).toBeGreaterThan(ADMIN_PAGE_SIZE);
    expect(forward).toEqual(byNumber);
    expect(backward).toEqual(byNumber);
  });

  it('with an estimated total, never shows a page past the last and still reaches every post', async () => {
    const options = { countLimit: 10 };
    const first = await listAdminPosts({ sort: 'title' }, ZONE, options);
    expect(first.exact).toBe(false);
    const last = Math.ceil(POSTS / ADMIN_PAGE_SIZE);
    const { forward, backward } = await walk({ sort: 'title' }, options);
    const exact = await walk({ sort: 'title' });
    expect(forward).toEqual(exact.byNumber);
    expect(backward).toEqual(exact.byNumber);
    for (let page = 1; page <= last; page++) {
      const got = await listAdminPosts({ sort: 'title', page }, ZONE, options);
      expect(got.page).toBe(page);
      expect(ids(got)).toEqual(exact.byNumber[page - 1]);
      expect(got.pageCount).toBeGreaterThanOrEqual(page);
    }
    const far = await listAdminPosts({ sort: 'title', page: 999 }, ZONE, options);
    expect(far).toMatchObject({ page: last, pageCount: last, total: POSTS, exact: true });
    expect(far.posts).toHaveLength(POSTS - (last - 1) * ADMIN_PAGE_SIZE);
    expect(far.next).toBeUndefined();
  });

  it('reads an edge that no longer lines up by the page number instead', async () => {
    const offset = await listAdminPosts({ sort: 'updated', page: 2 }, ZONE);
    const stale = await listAdminPosts({ sort: 'updated', page: 2, before: '999999.2000-01-01T00:00:00.000Z' }, ZONE);
    expect(ids(stale)).toEqual(ids(offset));
    expect(ids(await listAdminPosts({ sort: 'updated', page: 2, after: 'nonsense' }, ZONE))).toEqual(ids(offset));
  });
});
