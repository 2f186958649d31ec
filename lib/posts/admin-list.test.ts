import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { createUser } from '@/lib/users/mutations';
import type { PostSnapshot } from '@/lib/validations/post';
import { connectTestDatabase } from '@/test/database';
import { ADMIN_PAGE_SIZE, listAdminPosts } from './admin-list';
import { applyBulkChange } from './bulk';
import { savePost } from './write';

const base: PostSnapshot = {
  slug: 'x', title: 'x', description: null, keywords: null, publishedAt: new Date('2024-05-01T00:00:00Z'), utcOffset: 480, status: 'published',
  format: 'markdown', body: '正文', sourceId: null, sourceUrl: null, coverImage: null, coverAlt: null,
  featuredImage: null, featuredImagePreview: null, tags: [], categories: [], extra: {},
};
const ZONE = 'Asia/Shanghai';
let authorId: number;
const ids: Record<string, number> = {};

async function add(slug: string, patch: Partial<PostSnapshot>, author: number | null = null) {
  const saved = await savePost({ snapshot: { ...base, slug, ...patch }, authorId: author });
  if (saved.kind !== 'saved') throw new Error(saved.kind);
  ids[slug] = saved.saved.id;
}
const slugs = (rows: { slug: string }[]) => rows.map((r) => r.slug);

beforeAll(async () => {
  await connectTestDatabase();
  authorId = (await createUser({ email: 'lister@example.com', role: 'editor', password: 'a long enough password' })).id;
  await add('zhong', { title: '中文标题', status: 'draft', body: '用钉钉机器人推送草稿。', tags: ['机器人'] });
  await add('ali', { title: '阿里云部署', status: 'scheduled', publishedAt: new Date('2030-01-01T00:00:00Z'), categories: ['运维'] }, authorId);
  await add('bei', { title: '北京见闻', publishedAt: new Date('2024-04-30T16:30:00Z'), tags: ['游记'] });
});
afterAll(() => disconnectDb());

describe('the admin post list', () => {
  it('finds a draft by a word in its body, through the search index', async () => {
    expect(slugs((await listAdminPosts({ q: '钉钉' }, ZONE)).posts)).toEqual(['zhong']);
  });

  it('sorts titles in pinyin order', async () => {
    expect(slugs((await listAdminPosts({ sort: 'title' }, ZONE)).posts)).toEqual(['ali', 'bei', 'zhong']);
  });

  it('filters by tag and category name, author and status', async () => {
    expect(slugs((await listAdminPosts({ tag: '机器人' }, ZONE)).posts)).toEqual(['zhong']);
    expect(slugs((await listAdminPosts({ category: '运维' }, ZONE)).posts)).toEqual(['ali']);
    expect(slugs((await listAdminPosts({ author: authorId }, ZONE)).posts)).toEqual(['ali']);
    expect(slugs((await listAdminPosts({ status: 'scheduled' }, ZONE)).posts)).toEqual(['ali']);
  });

  it('reads a date range as days in the site zone', async () => {
    // 2024-04-30T16:30Z is 2024-05-01 00:30 in Beijing.
    const may = await listAdminPosts({ from: '2024-05-01', to: '2024-05-01', sort: 'title' }, ZONE);
    expect(slugs(may.posts)).toEqual(['bei', 'zhong']);
    expect(slugs((await listAdminPosts({ to: '2024-04-30' }, 'UTC')).posts)).toEqual(['bei']);
  });

  it('gives the last page for a page past it', async () => {
    expect(await listAdminPosts({ page: 999 }, ZONE)).toMatchObject({ page: 1, pageCount: 1, total: 3 });
    expect(ADMIN_PAGE_SIZE).toBe(25);
  });

  it('changes many posts at once through the write module, each with a revision', async () => {
    expect(await applyBulkChange([ids.zhong!, ids.bei!], { kind: 'add-tag', tag: '批量' }, authorId)).toBe(2);
    expect(await applyBulkChange([ids.zhong!, ids.bei!], { kind: 'add-tag', tag: '批量' }, authorId)).toBe(0);
    expect(slugs((await listAdminPosts({ tag: '批量' }, ZONE)).posts).sort()).toEqual(['bei', 'zhong']);
    expect(await applyBulkChange([ids.zhong!, ids.bei!], { kind: 'publish' }, authorId)).toBe(1);
    expect(await applyBulkChange([ids.zhong!], { kind: 'trash' }, authorId)).toBe(1);
    expect(slugs((await listAdminPosts({ view: 'trash' }, ZONE)).posts)).toEqual(['zhong']);
    const latest = await db.revision.findFirstOrThrow({ where: { postId: ids.zhong! }, orderBy: { number: 'desc' } });
    expect(latest).toMatchObject({ message: '发布', authorId });
  });
});
