import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db';
import { connectTestDatabase } from '@/test/database';
import { exportPosts } from '@/lib/posts/export';
import { collectSourceFiles } from '@/lib/content/files';
import { importSources } from './import';
import type { ImportReport } from './report';

const importPaths = async (paths: string[], force = false) => importSources(await collectSourceFiles(paths), { force });
const byStatus = (report: ImportReport, status: string) => report.results.filter((r) => r.status === status);

async function databaseState() {
  const posts = await db.post.findMany({
    orderBy: { id: 'asc' },
    include: { tags: { include: { tag: true } }, categories: { include: { category: true } } },
    omit: { createdAt: true, updatedAt: true },
  });
  const revisions = await db.revision.count();
  const tags = await db.tag.findMany({ orderBy: { id: 'asc' } });
  return { posts, revisions, tags };
}

const plannerRows = async (table: string) =>
  (await db.$queryRaw<{ rows: number }[]>`SELECT reltuples::int AS rows FROM pg_class WHERE oid = ${table}::regclass`)[0]!.rows;
const manualAnalyses = async (table: string) =>
  (await db.$queryRaw<{ n: bigint }[]>`SELECT analyze_count AS n FROM pg_stat_user_tables WHERE relname = ${table}`)[0]!.n;

async function tempCopyOfContent(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'content-'));
  await cp('content', dir, { recursive: true });
  return dir;
}

async function editorSave(postId: number, change: { title: string }) {
  const editor = await db.user.upsert({
    where: { email: 'editor@example.com' },
    update: {},
    create: { email: 'editor@example.com', passwordHash: 'x', role: 'editor' },
  });
  const { updatePost } = await import('@/lib/posts/mutations');
  const { snapshotOfPost, postWithTermsInclude } = await import('@/lib/posts/snapshot');
  const { renderBody } = await import('@/lib/render/render');
  const post = await db.post.findUniqueOrThrow({ where: { id: postId }, include: postWithTermsInclude });
  const snapshot = { ...snapshotOfPost(post), ...change };
  const rendered = await renderBody(snapshot.format, snapshot.body, snapshot.title);
  await db.$transaction((tx) => updatePost(tx, postId, post.version, snapshot, rendered, { authorId: editor.id }));
}

beforeAll(async () => {
  await connectTestDatabase();
});
afterAll(() => disconnectDb());

describe('importing content/', () => {
  let first: ImportReport;
  beforeAll(async () => {
    first = await importPaths(['content']);
  });

  it('imports every sample post, skipping README.md', async () => {
    const files = (await readdir('content')).filter((f) => f !== 'README.md');
    expect(first.counts).toMatchObject({ imported: files.length, failed: 0 });
    expect(first.results.some((r) => r.file.endsWith('README.md'))).toBe(false);
  });

  it('writes revision 1 with the raw file, no author, and the post at version 1', async () => {
    const post = await db.post.findUniqueOrThrow({ where: { slug: 'rag-retrieval-augmented-generation' }, include: { revisions: true } });
    expect(post.version).toBe(1);
    expect(post.revisions).toHaveLength(1);
    expect(post.revisions[0]).toMatchObject({ number: 1, authorId: null });
    expect(post.revisions[0]!.sourceText).toBe(
      (await readFile('content/2024-09-09-rag-retrieval-augmented-generation.md', 'utf8')).replace(/\r\n?/g, '\n'),
    );
  });

  it('makes one tag per case-insensitive name, shared across posts', async () => {
    const aigc = await db.tag.findMany({ where: { nameKey: 'aigc' }, include: { _count: { select: { posts: true } } } });
    expect(aigc).toHaveLength(1);
    expect(aigc[0]!._count.posts).toBeGreaterThanOrEqual(4);
    const tags = await db.tag.findMany();
    expect(new Set(tags.map((t) => t.nameKey)).size).toBe(tags.length);
  });

  it('changes nothing and writes no revision on a second run', async () => {
    const before = await databaseState();
    const again = await importPaths(['content']);
    expect(again.counts).toMatchObject({ imported: 0, updated: 0, unchanged: first.results.length, failed: 0 });
    expect(await databaseState()).toEqual(before);
  });

  it('round-trips: import → export → import leaves the database unchanged', async () => {
    const before = await databaseState();
    const dir = await mkdtemp(path.join(tmpdir(), 'export-'));
    const written = await exportPosts(dir);
    expect(written).toHaveLength(before.posts.length);
    const again = await importPaths([dir]);
    expect(again.counts).toMatchObject({ unchanged: before.posts.length, imported: 0, updated: 0, failed: 0 });
    expect(await databaseState()).toEqual(before);
  });
});

describe('changes and conflicts', () => {
  it('writes a new revision for a changed file, and a redirect for a changed slug', async () => {
    const dir = await tempCopyOfContent();
    await importPaths([dir]);
    const file = path.join(dir, '2024-10-28-aigc-application-cases.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^title: .*$/m, 'title: "AIGC 应用落地盘点（修订版）"').replace(/^layout: post$/m, 'layout: post\nslug: aigc-cases'));
    const report = await importPaths([dir]);
    expect(report.counts).toMatchObject({ updated: 1, failed: 0 });
    const post = await db.post.findUniqueOrThrow({ where: { slug: 'aigc-cases' }, include: { revisions: { orderBy: { number: 'asc' } } } });
    expect(post.title).toBe('AIGC 应用落地盘点（修订版）');
    expect(post.version).toBe(2);
    expect(post.revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(await db.slugRedirect.findUnique({ where: { slug: 'aigc-application-cases' } })).toMatchObject({ postId: post.id });
  });

  it('refuses a post edited in the admin since its last import, unless forced', async () => {
    const dir = await tempCopyOfContent();
    const file = path.join(dir, '2025-02-26-llm-lora-finetune-guide.md');
    const post = await db.post.findUniqueOrThrow({ where: { slug: 'llm-lora-finetune-guide' } });
    await editorSave(post.id, { title: '编辑改过的标题' });

    const unchangedFile = await importPaths([file]);
    expect(unchangedFile.counts.unchanged).toBe(1);

    await writeFile(file, (await readFile(file, 'utf8')).replace('## ', '## 新增：'));
    const refused = await importPaths([file]);
    expect(refused.counts.conflict).toBe(1);
    expect(byStatus(refused, 'conflict')[0]!.reason).toMatch(/在上次导入后已在后台修改.*editor@example\.com.*--force/);
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).title).toBe('编辑改过的标题');

    const forced = await importPaths([file], true);
    expect(forced.counts.updated).toBe(1);
    const after = await db.post.findUniqueOrThrow({ where: { id: post.id }, include: { revisions: true } });
    expect(after.title).not.toBe('编辑改过的标题');
    expect(after.revisions.map((r) => r.number).sort()).toEqual([1, 2, 3]);
  });
});

describe('imports from the admin', () => {
  it('attribute their revisions to the editor who uploaded, and still count as imports', async () => {
    const editor = await db.user.upsert({
      where: { email: 'uploader@example.com' },
      update: {},
      create: { email: 'uploader@example.com', passwordHash: 'x', role: 'editor' },
    });
    const dir = await tempCopyOfContent();
    const file = path.join(dir, '2024-10-28-aigc-application-cases.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^layout: post$/m, 'layout: post\nslug: aigc-uploaded'));
    const uploaded = await importSources(await collectSourceFiles([file]), { authorId: editor.id });
    expect(uploaded.counts.imported + uploaded.counts.updated).toBe(1);
    const post = await db.post.findUniqueOrThrow({ where: { slug: 'aigc-uploaded' }, include: { revisions: { orderBy: { number: 'desc' } } } });
    expect(post.revisions[0]).toMatchObject({ authorId: editor.id, message: expect.stringMatching(/^从 .* 导入$/) });

    // The uploader's import is an import, not an edit: the same file is unchanged, a changed one updates.
    expect((await importPaths([file])).counts).toMatchObject({ unchanged: 1, conflict: 0 });
    await writeFile(file, (await readFile(file, 'utf8')).replace('## ', '## 再改：'));
    expect((await importPaths([file])).counts).toMatchObject({ updated: 1, conflict: 0 });
  });
});

describe('broken files', () => {
  it('imports the good files, names each broken one with its reason, and keeps what was saved', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mixed-'));
    await cp('content/2024-12-20-ollama-local-deploy.txt', path.join(dir, '2024-12-20-ollama-local-deploy.txt'));
    const good2 = (await readFile('content/2024-09-09-rag-retrieval-augmented-generation.md', 'utf8'))
      .replace(/^artid: .*$/m, "artid: '900000001'")
      .replace(/^layout: post$/m, 'layout: post\nslug: brand-new-post');
    await writeFile(path.join(dir, 'a-good-new.md'), good2);
    await writeFile(path.join(dir, 'bad-yaml.md'), '---\ntitle: "unclosed\ntags: [a\n---\nbody');
    await writeFile(path.join(dir, 'no-title.md'), '---\ndate: 2024-01-01 10:00:00 +08:00\n---\nbody');
    await writeFile(path.join(dir, 'bad-date.md'), '---\ntitle: 日期不对\ndate: 2024-13-45 25:00:00 +08:00\n---\nbody');
    await writeFile(path.join(dir, 'latin1.md'), Buffer.concat([Buffer.from('---\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\ndate: 2024-01-01\n---\n')]));
    await writeFile(path.join(dir, 'z-dup-slug.md'), '---\ntitle: 抢注\ndate: 2024-01-01\nslug: brand-new-post\nartid: "900000002"\n---\nbody');
    await writeFile(path.join(dir, 'taken-slug.md'), '---\ntitle: 撞车\ndate: 2024-01-01\nslug: llm-agent-react-tool-calling\nartid: "900000003"\n---\nbody');
    const before = await db.post.findUniqueOrThrow({ where: { slug: 'llm-agent-react-tool-calling' } });

    const report = await importPaths([dir, path.join(dir, 'missing.md')]);
    const failed = Object.fromEntries(byStatus(report, 'failed').map((r) => [path.basename(r.file), r.reason]));
    expect(failed).toEqual({
      'bad-yaml.md': expect.stringMatching(/文件头 YAML 有误/),
      'no-title.md': 'title: 缺少',
      'bad-date.md': expect.stringMatching(/date: “2024-13-45 25:00:00 \+08:00”不是有效的日期/),
      'latin1.md': expect.stringMatching(/不是 UTF-8/),
      'z-dup-slug.md': expect.stringMatching(/重复的 slug "brand-new-post"：也出现在 .*a-good-new\.md/),
      'taken-slug.md': expect.stringMatching(/网址别名“llm-agent-react-tool-calling”已被文章 #\d+/),
      'missing.md': '文件或目录不存在',
    });
    expect(report.counts.imported + report.counts.unchanged).toBe(2);
    expect(await db.post.findUnique({ where: { slug: 'brand-new-post' } })).not.toBeNull();
    expect(await db.post.findUniqueOrThrow({ where: { slug: 'llm-agent-react-tool-calling' } })).toEqual(before);
  });
});

describe('a large run (chunked writes, the unchanged-file shortcut, worker-free rendering)', () => {
  it('re-imports unchanged files as unchanged, updates a changed one, and keeps an editor’s work', async () => {
    const { writeCorpus } = await import('@/test/corpus/corpus');
    const dir = await mkdtemp(path.join(tmpdir(), 'large-'));
    await writeCorpus(dir, { size: 120, seed: 11 });
    const first = await importPaths([dir]);
    expect(first.counts).toMatchObject({ imported: 120, failed: 0 });
    expect(first.results.every((r) => r.affected?.slugs.includes(r.slug!))).toBe(true);
    // The planner knows the new table sizes at once, not when autovacuum next looks (lib/db/statistics.ts).
    expect(await plannerRows('posts')).toBe(await db.post.count());
    expect(await plannerRows('revisions')).toBe(await db.revision.count());
    const analysed = await manualAnalyses('posts');

    const files = (await readdir(dir)).sort();
    const changed = path.join(dir, files[70]!);
    await writeFile(changed, (await readFile(changed, 'utf8')).replace(/^title: .*$/m, 'title: "改过的标题"'));
    const edited = first.results.find((r) => r.file.endsWith(files[5]!))!;
    await editorSave(edited.postId!, { title: '编辑改的' });
    const revisionsBefore = await db.revision.count();

    const again = await importPaths([dir]);
    expect(again.counts).toMatchObject({ imported: 0, updated: 1, unchanged: 119, conflict: 0, failed: 0 });
    expect(again.results.find((r) => r.status === 'updated')!.file).toBe(changed);
    expect(await db.revision.count()).toBe(revisionsBefore + 1);
    expect((await db.post.findUniqueOrThrow({ where: { id: edited.postId! } })).title).toBe('编辑改的');
    expect(again.results.filter((r) => r.status === 'unchanged').every((r) => r.postId && r.slug)).toBe(true);
    // One changed post is no reason to sample the tables again.
    expect(await manualAnalyses('posts')).toBe(analysed);
  });

  it('reports a copy of an already imported file as a duplicate, also when the original is skipped unread', async () => {
    const { writeCorpus } = await import('@/test/corpus/corpus');
    const dir = await mkdtemp(path.join(tmpdir(), 'large-dup-'));
    await writeCorpus(dir, { size: 120, seed: 11 });
    const files = (await readdir(dir)).sort();
    await writeFile(path.join(dir, `zz-copy-${files[3]}`), await readFile(path.join(dir, files[3]!), 'utf8'));
    const report = await importPaths([dir]);
    expect(byStatus(report, 'failed')).toEqual([
      expect.objectContaining({ file: path.join(dir, `zz-copy-${files[3]}`), reason: expect.stringMatching(/^重复的 slug ".*"：也出现在 .*/) }),
    ]);
    expect(report.counts.unchanged).toBeGreaterThan(100);
  });
});
