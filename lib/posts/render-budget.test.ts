import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceFile } from '@/lib/content/files';
import { importSources } from '@/lib/import/import';
import { db, disconnectDb } from '@/lib/db';
import { RenderError } from '@/lib/render/errors';
import type { PostSnapshot } from '@/lib/validations/post';
import { connectTestDatabase } from '@/test/database';
import { savePost } from './write';

// The attack's bodies through the real write paths: each fails alone, in seconds, saying why.
const file = (name: string, title: string, body: string): SourceFile => ({
  name,
  read: async () => new TextEncoder().encode(`---\ntitle: "${title}"\ndate: 2024-05-01 10:00:00 +08:00\n---\n${body}\n`),
});

const snapshot = (body: string): PostSnapshot => ({
  slug: 'budget', title: '预算', description: null, keywords: null, publishedAt: new Date('2024-05-01T02:00:00Z'), utcOffset: 480,
  status: 'published', format: 'markdown', body, sourceId: null, sourceUrl: null, coverImage: null, coverAlt: null,
  featuredImage: null, featuredImagePreview: null, tags: [], categories: [], extra: {},
});

let editor: number;
beforeAll(async () => {
  await connectTestDatabase();
  editor = (await db.user.create({ data: { email: 'budget@example.com', passwordHash: 'x', role: 'editor' } })).id;
});
afterAll(() => disconnectDb());

describe('bodies too complex to compile', () => {
  it('fail their own import line with the reason while the other files import', async () => {
    const report = await importSources([
      file('lists.md', '列表', `${'- '.repeat(10_000)}x`),
      file('emphasis.md', '强调', '*a'.repeat(50_000)),
      file('quotes.md', '引用', '>'.repeat(100_000)),
      file('brackets.md', '括号', `${'['.repeat(50_000)}x${']'.repeat(50_000)}`),
      file('table.md', '表格', `|${'a|'.repeat(5_000)}\n|${'-|'.repeat(5_000)}`),
      file('good.md', '正常', '正常的正文，**加粗**。'),
    ]);
    expect(report.counts).toMatchObject({ imported: 1, failed: 5 });
    const reasons = Object.fromEntries(report.results.map((r) => [r.file, r.reason ?? r.status]));
    expect(reasons).toEqual({
      'lists.md': expect.stringMatching(/^正文：列表或引用嵌套过深/),
      'emphasis.md': expect.stringMatching(/^正文：一个段落中的强调符号（\* _ ~）过多/),
      'quotes.md': expect.stringMatching(/^正文：列表或引用嵌套过深/),
      'brackets.md': expect.stringMatching(/^正文：方括号嵌套过深/),
      'table.md': expect.stringMatching(/^正文：表格列数过多/),
      'good.md': 'imported',
    });
  });

  it('are refused by an editor save, and the saved post stays as it was', async () => {
    const first = await savePost({ snapshot: snapshot('第一版'), authorId: editor });
    expect(first.kind).toBe('saved');
    const postId = first.kind === 'saved' ? first.saved.id : 0;
    const error = await savePost({ postId, baseVersion: 1, snapshot: snapshot('*a'.repeat(50_000)), authorId: editor }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect(String(error)).toMatch(/强调符号.*过多/);
    const post = await db.post.findUniqueOrThrow({ where: { id: postId } });
    expect({ version: post.version, body: post.body, revisions: await db.revision.count({ where: { postId } }) }).toEqual({ version: 1, body: '第一版', revisions: 1 });
  });
});
