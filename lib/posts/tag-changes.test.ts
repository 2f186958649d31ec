import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { createPost } from './mutations';
import { renderBody } from '@/lib/render/render';
import type { PostSnapshot } from '@/lib/validations/post';
import { createUser } from '@/lib/users/mutations';
import { connectTestDatabase } from '@/test/database';
import { TermInputError } from '@/lib/terms/write';
import { listTermsForAdmin, suggestTerms } from '@/lib/terms/admin';
import { listAdminPosts } from './admin-list';
import { deleteUnusedTerm, mergeTags, mergeTerms, renameTag } from './tag-changes';

const base: PostSnapshot = {
  slug: 'x', title: '标签', description: null, keywords: null, publishedAt: new Date('2024-01-01'), utcOffset: 480, status: 'published',
  format: 'markdown', body: '正文', sourceId: null, sourceUrl: null, coverImage: null, coverAlt: null,
  featuredImage: null, featuredImagePreview: null, tags: [], categories: [], extra: {},
};
let editorId: number;

async function add(slug: string, tags: string[], categories: string[] = []) {
  const full = { ...base, slug, tags, categories };
  return db.$transaction(async (tx) => createPost(tx, full, await renderBody(full.format, full.body), { authorId: null }));
}
const tagsOf = async (id: number) =>
  (await db.postTag.findMany({ where: { postId: id }, orderBy: { position: 'asc' }, include: { tag: true } })).map((t) => t.tag.name);

beforeAll(async () => {
  await connectTestDatabase();
  editorId = (await createUser({ email: 'tags@example.com', role: 'editor', password: 'a long enough password' })).id;
});
afterAll(() => disconnectDb());

describe('tags', () => {
  it('renames a tag keeping its URL, with a revision on every post that carries it', async () => {
    const post = await add('rename-me', ['aigc', 'Python']);
    const tag = await db.tag.findUniqueOrThrow({ where: { nameKey: 'aigc' } });
    await renameTag(tag.id, 'AIGC', editorId);
    expect(await tagsOf(post.id)).toEqual(['AIGC', 'Python']);
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).slug).toBe('aigc');
    const latest = await db.revision.findFirstOrThrow({ where: { postId: post.id }, orderBy: { number: 'desc' } });
    expect(latest).toMatchObject({ number: 2, authorId: editorId });
    expect((latest.frontMatter as { tags: string[] }).tags).toEqual(['AIGC', 'Python']);
    await expect(renameTag(tag.id, 'python', editorId)).rejects.toThrow(TermInputError);
  });

  it('merges one tag into another: posts move, duplicates collapse, the old slug redirects', async () => {
    const a = await add('merge-a', ['stable', 'diffusion']);
    const b = await add('merge-b', ['Stable Diffusion', 'stable']);
    const source = await db.tag.findUniqueOrThrow({ where: { nameKey: 'stable' } });
    const target = await db.tag.findUniqueOrThrow({ where: { nameKey: 'stable diffusion' } });
    await mergeTags(source.id, target.id, editorId);
    expect(await tagsOf(a.id)).toEqual(['Stable Diffusion', 'diffusion']);
    expect(await tagsOf(b.id)).toEqual(['Stable Diffusion']);
    expect(await db.tag.findUnique({ where: { id: source.id } })).toBeNull();
    expect(await db.tagRedirect.findUniqueOrThrow({ where: { slug: 'stable' } })).toMatchObject({ tagId: target.id });
  });

  it('keeps a renamed or merged post findable by its body and by its new terms, not its old ones', async () => {
    const post = await db.$transaction(async (tx) => {
      const full = { ...base, slug: 'found-again', title: '检索测试', body: '这一篇讲钉钉机器人。', tags: ['旧名字', '合并源'], categories: ['分类甲'] };
      return createPost(tx, full, await renderBody(full.format, full.body), { authorId: null });
    });
    const hits = async (q: string) => (await listAdminPosts({ q }, 'UTC')).posts.map((p) => p.id);
    await renameTag((await db.tag.findUniqueOrThrow({ where: { nameKey: '旧名字' } })).id, '新名字', editorId);
    await mergeTags((await db.tag.findUniqueOrThrow({ where: { nameKey: '合并源' } })).id, (await db.tag.findUniqueOrThrow({ where: { nameKey: 'aigc' } })).id, editorId);
    for (const word of ['钉钉', '新名字', 'AIGC', '检索测试', '分类甲']) expect(await hits(word)).toContain(post.id);
    for (const word of ['旧名字', '合并源']) expect(await hits(word)).not.toContain(post.id);
    const revisions = await db.revision.findMany({ where: { postId: post.id }, orderBy: { number: 'asc' } });
    expect(revisions.map((r) => [r.number, r.changedFields, r.message])).toEqual([
      [1, [], null],
      [2, ['tags'], '标签“旧名字”改名为“新名字”'],
      [3, ['tags'], '标签“合并源”合并到“AIGC”'],
    ]);
    expect(await tagsOf(post.id)).toEqual(['新名字', 'AIGC']);
  });

  it('merges a tag that took back the slug of one merged before', async () => {
    await add('again-a', ['again', 'kept']);
    const kept = await db.tag.findUniqueOrThrow({ where: { nameKey: 'kept' } });
    await mergeTags((await db.tag.findUniqueOrThrow({ where: { nameKey: 'again' } })).id, kept.id, editorId);
    await add('again-b', ['again']);
    await mergeTags((await db.tag.findUniqueOrThrow({ where: { nameKey: 'again' } })).id, kept.id, editorId);
    expect(await db.tagRedirect.findUniqueOrThrow({ where: { slug: 'again' } })).toMatchObject({ tagId: kept.id });
  });
});

describe('the terms admin', () => {
  it('merges one category into another with a revision on each post', async () => {
    const post = await add('cat-merge', [], ['教程', '入门']);
    const source = await db.category.findUniqueOrThrow({ where: { nameKey: '入门' } });
    const target = await db.category.findUniqueOrThrow({ where: { nameKey: '教程' } });
    expect(await mergeTerms('category', source.id, target.id, editorId)).toEqual({ source: '入门', target: '教程', posts: 1 });
    const latest = await db.revision.findFirstOrThrow({ where: { postId: post.id }, orderBy: { number: 'desc' } });
    expect(latest.message).toBe('分类“入门”合并到“教程”');
    expect((latest.frontMatter as { categories: string[] }).categories).toEqual(['教程']);
    expect(await db.category.findUnique({ where: { id: source.id } })).toBeNull();
  });

  it('deletes a term only when no post carries it', async () => {
    await add('keeps-used', ['在用的标签']);
    const used = await db.tag.findUniqueOrThrow({ where: { nameKey: '在用的标签' } });
    await expect(deleteUnusedTerm('tag', used.id)).rejects.toThrow(/还有 1 篇文章在用/);
    const unused = await db.tag.create({ data: { name: '没人用', nameKey: '没人用', slug: 'no-one-uses' } });
    expect(await deleteUnusedTerm('tag', unused.id)).toBe('没人用');
    expect(await db.tag.findUnique({ where: { id: unused.id } })).toBeNull();
  });

  it('lists terms in pinyin order, searched and paged, never past the last page', async () => {
    for (const name of ['中文', '阿里', '北京', 'zebra-拼音']) await db.tag.create({ data: { name, nameKey: name.toLowerCase(), slug: `pinyin-${name}` } });
    const names = (await listTermsForAdmin('tag', {})).items.map((t) => t.name);
    const order = names.filter((n) => ['中文', '阿里', '北京'].includes(n));
    expect(order).toEqual(['阿里', '北京', '中文']);
    const searched = await listTermsForAdmin('tag', { q: '北', page: 99 });
    expect(searched).toMatchObject({ total: 1, page: 1, pageCount: 1, items: [{ name: '北京', posts: 0 }] });
    expect((await listTermsForAdmin('tag', { q: '100%' })).total).toBe(0);
    expect((await suggestTerms('tag', '京')).map((t) => t.name)).toEqual(['北京']);
  });
});
