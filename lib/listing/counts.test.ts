import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceFile } from '@/lib/content/files';
import { formatOffsetDate } from '@/lib/dates/offset-date';
import { db, disconnectDb } from '@/lib/db';
import { importSources } from '@/lib/import/import';
import { publishDuePosts } from '@/lib/posts/scheduler';
import { mergeTags, renameTag } from '@/lib/posts/tag-changes';
import { deletePost, loadPostSnapshot, restoreRevision, savePost, setPostStatus, setPostTrashed } from '@/lib/posts/write';
import { TermInputError } from '@/lib/terms/write';
import { createUser } from '@/lib/users/mutations';
import type { PostSnapshot } from '@/lib/validations/post';
import { connectTestDatabase } from '@/test/database';
import { readMonthCounts, readTermCount, readTermCounts } from './counts';
import { PUBLIC_POST_SQL } from './visibility';

const HOUR = 3_600_000;
const TAGS = ['甲', '乙', '丙', 'AI', 'ai'];
const CATEGORIES = ['类一', '类二', '类三'];
const OFFSETS = [0, 480, -300];
/** Instants either side of a month's end in some offset; one due (past, for scheduling) and one a day ahead. */
const DATES = [() => new Date('2024-01-31T20:00:00Z'), () => new Date('2024-02-01T02:00:00Z'), () => new Date('2023-12-31T23:30:00Z'), () => new Date(Date.now() - HOUR), () => new Date(Date.now() + 24 * HOUR)];
const STATUSES = ['draft', 'published', 'scheduled'] as const;

const spec = fc.record({
  tags: fc.subarray(TAGS, { maxLength: 3 }),
  categories: fc.subarray(CATEGORIES, { maxLength: 2 }),
  date: fc.nat(DATES.length - 1),
  offset: fc.constantFrom(...OFFSETS),
  status: fc.constantFrom(...STATUSES),
});
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

const target = fc.nat(50);
const files = fc.uniqueArray(fc.record({ id: fc.nat(5), spec }), { minLength: 1, maxLength: 4, selector: (f) => f.id });
const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), spec }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('update' as const), target, spec }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('import' as const), files, force: fc.boolean() }), weight: 2 },
  fc.record({ kind: fc.constant('trash' as const), target, trashed: fc.boolean() }),
  fc.record({ kind: fc.constant('status' as const), target, status: fc.constantFrom('draft' as const, 'published' as const) }),
  fc.record({ kind: fc.constant('restore' as const), target, revision: fc.nat(4), withStatus: fc.boolean() }),
  fc.record({ kind: fc.constant('rename' as const), target, name: fc.constantFrom(...TAGS, '丁') }),
  fc.record({ kind: fc.constant('merge' as const), target, into: target }),
  fc.record({ kind: fc.constant('delete' as const), target }),
  fc.record({ kind: fc.constant('publish-due' as const) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

let authorId: number;
let serial = 0;

function snapshotOf(s: Spec, slug: string, sourceId: string | null = null): PostSnapshot {
  return {
    slug, title: `标题 ${slug}`, description: null, keywords: null, publishedAt: DATES[s.date]!(), utcOffset: s.offset, status: s.status,
    format: 'markdown', body: `正文 ${slug}`, sourceId, sourceUrl: null, coverImage: null, coverAlt: null,
    featuredImage: null, featuredImagePreview: null, tags: s.tags, categories: s.categories, extra: {},
  };
}

function importFile(id: number, s: Spec): SourceFile {
  const status = s.status === 'draft' ? 'published: false' : s.status === 'scheduled' ? 'status: scheduled' : '';
  const text = [
    '---', `title: "导入 ${id}"`, `slug: imported-${id}`, `date: ${formatOffsetDate({ instant: DATES[s.date]!(), offsetMinutes: s.offset })}`,
    `tags: ${JSON.stringify(s.tags)}`, `categories: ${JSON.stringify(s.categories)}`, `artid: "${9000 + id}"`, status, '---', '', `导入的正文 ${id}`, '',
  ].filter((line, i) => line || i > 8).join('\n');
  return { name: `imported-${id}.md`, read: async () => new TextEncoder().encode(text) };
}

const pick = async <T,>(rows: T[], n: number): Promise<T | undefined> => rows[n % Math.max(rows.length, 1)];
const postAt = async (n: number) => pick(await db.post.findMany({ orderBy: { id: 'asc' }, select: { id: true, title: true, version: true } }), n);
const tagAt = async (n: number) => pick(await db.tag.findMany({ orderBy: { id: 'asc' }, select: { id: true } }), n);

async function run(o: Op): Promise<void> {
  if (o.kind === 'create') return void (await savePost({ snapshot: snapshotOf(o.spec, `post-${++serial}`), authorId }));
  if (o.kind === 'import') {
    const report = await importSources(o.files.map((f) => importFile(f.id, f.spec)), { force: o.force, authorId });
    expect(report.counts.failed).toBe(0);
    return;
  }
  if (o.kind === 'publish-due') return void (await publishDuePosts(new Date(Date.now() - 60_000)));
  if (o.kind === 'rename' || o.kind === 'merge') {
    const tag = await tagAt(o.target);
    const into = o.kind === 'merge' ? await tagAt(o.into) : undefined;
    if (!tag) return;
    try {
      await (o.kind === 'rename' ? renameTag(tag.id, o.name, authorId) : mergeTags(tag.id, into!.id, authorId));
    } catch (error) {
      if (!(error instanceof TermInputError)) throw error;
    }
    return;
  }
  const post = await postAt(o.target);
  if (!post) return;
  if (o.kind === 'update') {
    const loaded = (await loadPostSnapshot(post.id))!;
    const next = snapshotOf(o.spec, loaded.snapshot.slug, loaded.sourceId);
    await savePost({ postId: post.id, baseVersion: loaded.version, snapshot: next, authorId });
  } else if (o.kind === 'trash') await setPostTrashed(post.id, o.trashed);
  else if (o.kind === 'status') await setPostStatus(post.id, o.status, authorId);
  else if (o.kind === 'restore') await restoreRevision(post.id, 1 + (o.revision % post.version), { withStatus: o.withStatus, authorId });
  else await deletePost(post.id, post.title);
}

const COUNTED = `p.status = 'published' AND p.deleted_at IS NULL`;
const MONTH = `extract(year FROM post_local_time(p.published_at, p.utc_offset))::int AS year, extract(month FROM post_local_time(p.published_at, p.utc_offset))::int AS month`;

/** Counts made from scratch, the way the lists select posts; `where` is the visibility rule. */
async function recount(where: string) {
  const terms = (links: string, key: string, table: string) =>
    db.$queryRawUnsafe<{ id: number; name: string; slug: string; count: number }[]>(
      `SELECT t.id, t.name, t.slug, count(*)::int AS count FROM ${table} t JOIN ${links} l ON l.${key} = t.id JOIN posts p ON p.id = l.post_id
       WHERE ${where} GROUP BY t.id ORDER BY count(*) DESC, t.name`,
    );
  const months = await db.$queryRawUnsafe<{ year: number; month: number; count: number }[]>(
    `SELECT ${MONTH}, count(*)::int AS count FROM posts p WHERE ${where} GROUP BY 1, 2 ORDER BY 1 DESC, 2 DESC`,
  );
  return { tags: await terms('post_tags', 'tag_id', 'tags'), categories: await terms('post_categories', 'category_id', 'categories'), months };
}

async function expectCountersRight(): Promise<void> {
  const counted = await recount(COUNTED);
  const stored = {
    tags: await db.$queryRawUnsafe<{ id: number; count: number }[]>(`SELECT tag_id AS id, posts AS count FROM tag_post_counts WHERE posts <> 0 ORDER BY 1`),
    categories: await db.$queryRawUnsafe<{ id: number; count: number }[]>(`SELECT category_id AS id, posts AS count FROM category_post_counts WHERE posts <> 0 ORDER BY 1`),
    months: await db.$queryRawUnsafe<{ year: number; month: number; count: number }[]>(`SELECT year, month, posts AS count FROM month_post_counts WHERE posts <> 0 ORDER BY 1 DESC, 2 DESC`),
  };
  const byId = (rows: { id: number; count: number }[]) => rows.map(({ id, count }) => ({ id, count })).sort((a, b) => a.id - b.id);
  expect(stored).toEqual({ tags: byId(counted.tags), categories: byId(counted.categories), months: counted.months });

  const visible = await recount(PUBLIC_POST_SQL);
  const named = (rows: { name: string; slug: string; count: number }[]) => rows.map(({ name, slug, count }) => ({ name, slug, count }));
  expect(await readTermCounts('tag')).toEqual(named(visible.tags));
  expect(await readTermCounts('category')).toEqual(named(visible.categories));
  expect(await readMonthCounts()).toEqual(visible.months);
  for (const tag of await db.tag.findMany({ select: { id: true } })) {
    expect(await readTermCount('tag', tag.id)).toBe(visible.tags.find((t) => t.id === tag.id)?.count ?? 0);
  }
}

beforeAll(async () => {
  await connectTestDatabase();
  authorId = (await createUser({ email: 'counts@example.com', role: 'editor', password: 'a long enough password' })).id;
});
afterAll(() => disconnectDb());

describe('post counters', () => {
  it('equal a recount after every write of any random sequence through the write modules', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        await db.$executeRawUnsafe('TRUNCATE posts, tags, categories CASCADE');
        await expectCountersRight();
        for (const o of ops) {
          await run(o);
          await expectCountersRight();
        }
      }),
      { numRuns: 25, seed: Number(process.env.COUNTS_SEED) || undefined },
    );
  }, 600_000);

  it('count a published post dated in the future once its time comes, with no write', async () => {
    await db.$executeRawUnsafe('TRUNCATE posts, tags, categories CASCADE');
    const soon = { ...snapshotOf({ tags: ['甲'], categories: ['类一'], date: 0, offset: 0, status: 'published' }, 'soon'), publishedAt: new Date(Date.now() + 1500) };
    await savePost({ snapshot: soon, authorId });
    const tag = await db.tag.findUniqueOrThrow({ where: { nameKey: '甲' } });
    expect(await readTermCounts('tag')).toEqual([]);
    expect(await readTermCount('tag', tag.id)).toBe(0);
    expect(await readMonthCounts()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await readTermCounts('tag')).toEqual([{ name: '甲', slug: tag.slug, count: 1 }]);
    expect(await readTermCount('tag', tag.id)).toBe(1);
    expect((await readMonthCounts()).map((m) => m.count)).toEqual([1]);
    await expectCountersRight();
  });

  it('follow bulk statements of many rows each, as a fast import writes them', async () => {
    await db.$executeRawUnsafe('TRUNCATE posts, tags, categories CASCADE');
    await db.$executeRawUnsafe(`INSERT INTO tags (name, name_key, slug) VALUES ('x', 'x', 'x'), ('y', 'y', 'y')`);
    await db.$executeRawUnsafe(`INSERT INTO categories (name, name_key, slug) VALUES ('c', 'c', 'c')`);
    await db.$executeRawUnsafe(
      `INSERT INTO posts (slug, title, body, published_at, utc_offset, status, updated_at)
       SELECT 'bulk-' || i, 't' || i, 'b', timestamptz '2024-01-31 20:00Z' + i * interval '1 hour', (i % 3) * 480, (ARRAY['published', 'draft', 'scheduled'])[1 + i % 3]::"PostStatus", now()
       FROM generate_series(1, 300) AS i`,
    );
    await db.$executeRawUnsafe(`INSERT INTO post_tags (post_id, tag_id) SELECT p.id, t.id FROM posts p, tags t WHERE p.id % 2 = 0 OR t.name = 'x'`);
    await db.$executeRawUnsafe(`INSERT INTO post_categories (post_id, category_id) SELECT p.id, c.id FROM posts p, categories c WHERE p.id % 5 = 0`);
    await expectCountersRight();
    await db.$executeRawUnsafe(`UPDATE posts SET deleted_at = now() WHERE id % 7 = 0`);
    await db.$executeRawUnsafe(`UPDATE posts SET status = 'published', utc_offset = -300 WHERE id % 4 = 0`);
    await db.$executeRawUnsafe(`DELETE FROM post_tags WHERE post_id % 11 = 0`);
    await db.$executeRawUnsafe(`DELETE FROM posts WHERE id % 13 = 0`);
    await expectCountersRight();
    expect((await readMonthCounts()).reduce((n, m) => n + m.count, 0)).toBeGreaterThan(100);
  });
});
