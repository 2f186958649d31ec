import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceFile } from '@/lib/content/files';
import { frontMatterOf } from '@/lib/content/front-matter';
import { importSources } from '@/lib/import/import';
import type { ImportReport } from '@/lib/import/report';
import { db, disconnectDb } from '@/lib/db';
import { migrate, readMigrations } from '@/lib/db/migrate';
import { renderBody } from '@/lib/render/render';
import type { PostSnapshot } from '@/lib/validations/post';
import { createTestDatabase, connectTestDatabase } from '@/test/database';
import { createPost, updatePost } from './mutations';
import { savePost, type SaveOutcome } from './write';
import { contentHash, postWithTermsInclude, snapshotOfPost } from './snapshot';

/** Prisma Migrate's advisory-lock key, which lib/db/migrate takes too. */
const MIGRATION_LOCK_KEY = 72707369;

const base: PostSnapshot = {
  slug: 'x', title: '并发', description: null, keywords: null, publishedAt: new Date('2024-05-01T02:00:00Z'), utcOffset: 480,
  status: 'published', format: 'markdown', body: '正文', sourceId: null, sourceUrl: null, coverImage: null, coverAlt: null,
  featuredImage: null, featuredImagePreview: null, tags: ['并发'], categories: [], extra: {},
};

let alice: number;
let bob: number;

async function addPost(slug: string) {
  const snapshot = { ...base, slug };
  return db.$transaction(async (tx) => createPost(tx, snapshot, await renderBody(snapshot.format, snapshot.body), { authorId: null }));
}

async function readPost(postId: number) {
  return db.post.findUniqueOrThrow({ where: { id: postId }, include: postWithTermsInclude });
}

/** Revisions are numbered 1..version with no gap, and the post's columns and terms are exactly its newest revision. */
async function expectPostEqualsNewestRevision(postId: number) {
  const post = await readPost(postId);
  const revisions = await db.revision.findMany({ where: { postId }, orderBy: { number: 'asc' } });
  expect(revisions.map((r) => r.number)).toEqual(Array.from({ length: post.version }, (_, i) => i + 1));
  const newest = revisions.at(-1)!;
  const snapshot = snapshotOfPost(post);
  expect(newest.frontMatter).toEqual(frontMatterOf(snapshot));
  expect({ format: newest.format, body: newest.body, contentHash: newest.contentHash }).toEqual({
    format: snapshot.format,
    body: snapshot.body,
    contentHash: contentHash(snapshot),
  });
  return revisions;
}

const countBy = <T extends string>(values: T[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

beforeAll(async () => {
  await connectTestDatabase();
  const user = (email: string) => db.user.create({ data: { email, passwordHash: 'x', role: 'editor' } });
  [alice, bob] = [(await user('alice@example.com')).id, (await user('bob@example.com')).id];
});
afterAll(() => disconnectDb());

describe('saves racing on one post', () => {
  it('accepts exactly one of 20 saves based on the same version and refuses the other 19 as conflicts', async () => {
    const post = await addPost('race-once');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        savePost({
          postId: post.id,
          baseVersion: post.version,
          snapshot: { ...base, slug: post.slug, title: `第 ${i} 次保存`, body: `正文 ${i}`, tags: ['并发', `会话${i % 2}`] },
          authorId: i % 2 ? bob : alice,
          message: `race ${i}`,
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const results = outcomes.map((o) => (o as PromiseFulfilledResult<SaveOutcome>).value);
    const saved = results.filter((r) => r.kind === 'saved');
    const refused = results.filter((r) => r.kind === 'conflict');
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(19);
    expect(refused.every((r) => r.version === 2)).toBe(true);

    const revisions = await expectPostEqualsNewestRevision(post.id);
    expect(revisions).toHaveLength(2);
    const winner = results.findIndex((r) => r.kind === 'saved');
    expect(revisions[1]).toMatchObject({ message: `race ${winner}`, authorId: winner % 2 ? bob : alice });
    console.log(`race: ${saved.length} saved, ${refused.length} refused, revisions 1..${revisions.length}`);
  });

  it('lands all 20 saves when each re-reads and re-applies its change after a conflict', async () => {
    const post = await addPost('race-retry');
    let conflicts = 0;
    const saveUntilLanded = async (i: number) => {
      for (let attempt = 1; attempt <= 50; attempt++) {
        const current = await readPost(post.id);
        const snapshot = snapshotOfPost(current);
        const outcome = await savePost({
          postId: post.id,
          baseVersion: current.version,
          snapshot: { ...snapshot, title: `第 ${i} 次保存`, body: `${snapshot.body}\n\n- 改动 ${i}` },
          authorId: i % 2 ? bob : alice,
          message: `retry ${i}`,
        });
        if (outcome.kind === 'saved') return outcome.saved.version;
        expect(outcome.kind).toBe('conflict');
        conflicts++;
      }
      throw new Error(`save ${i} never landed`);
    };
    const versions = await Promise.all(Array.from({ length: 20 }, (_, i) => saveUntilLanded(i)));
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));

    const revisions = await expectPostEqualsNewestRevision(post.id);
    expect(revisions).toHaveLength(21);
    const messages = revisions.slice(1).map((r) => r.message);
    expect([...messages].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `retry ${i}`).sort());
    // Each save was applied on top of every earlier one: the body holds every change exactly once.
    const final = await readPost(post.id);
    for (let i = 0; i < 20; i++) expect(final.body.split('\n').filter((line) => line === `- 改动 ${i}`)).toHaveLength(1);
    console.log(`retry: 20 saved after ${conflicts} conflicts, revisions 1..${revisions.length}, 20/20 changes in the body`);
  });
});

describe('saves of different posts at once', () => {
  it('never wait on each other through a tag, a category or a month they share when those stay as they were', async () => {
    const [a, b] = [await addPost('shared-a'), await addPost('shared-b')];
    const save = (id: number, body: string, hold: () => Promise<unknown>) =>
      db.$transaction(
        async (tx) => {
          // A save that waited on the other's counter rows fails here instead of after it commits.
          await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '1s'`);
          const snapshot = { ...base, slug: id === a.id ? 'shared-a' : 'shared-b', categories: ['共用'], body };
          await updatePost(tx, id, (await tx.post.findUniqueOrThrow({ where: { id } })).version, snapshot, await renderBody('markdown', body), { authorId: null });
          await hold();
        },
        { timeout: 15_000 },
      );
    // Both first gain the shared category; after that, each save only changes its body.
    await save(a.id, '一', async () => {});
    await save(b.id, '一', async () => {});
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const first = save(a.id, '二', () => (wrote(), held));
    await written;
    await expect(save(b.id, '二', async () => {})).resolves.toBeUndefined();
    release();
    await first;
  });
});

describe('two importers and an editor at once', () => {
  const slugs = ['imp-1', 'imp-2', 'imp-3', 'imp-4', 'imp-5', 'imp-6'];
  const existing = slugs.slice(0, 4);
  const artid = (slug: string) => `99000000${slug.slice(-1)}`;
  const fileText = (who: string, slug: string) =>
    `---\ntitle: "${slug} 来自 ${who}"\ndate: 2024-01-0${slug.slice(-1)} 10:00:00 +08:00\nslug: ${slug}\nartid: '${artid(slug)}'\n` +
    `categories: ['测试']\ntags: ['并发', '${who}']\n---\n\n# ${slug}\n\n${who} 的正文。\n`;
  const sources = (who: string, list: string[]): SourceFile[] =>
    list.map((slug) => ({ name: `${who}/2024-01-0${slug.slice(-1)}-${slug}.md`, read: async () => new TextEncoder().encode(fileText(who, slug)) }));

  it('keeps one post per artid, gapless revisions, and a revision for every acknowledged write', async () => {
    const seed = await importSources(sources('seed', existing));
    expect(seed.counts.imported).toBe(4);

    const editorSaves: { slug: string; message: string; baseVersion: number; outcome: SaveOutcome }[] = [];
    const edit = async (slug: string) => {
      for (let k = 1; k <= 4; k++) {
        const current = await db.post.findUniqueOrThrow({ where: { slug }, include: postWithTermsInclude });
        const message = `editor ${slug} #${k}`;
        const outcome = await savePost({
          postId: current.id,
          baseVersion: current.version,
          snapshot: { ...snapshotOfPost(current), title: `${slug} 编辑 ${k}` },
          authorId: alice,
          message,
        });
        editorSaves.push({ slug, message, baseVersion: current.version, outcome });
      }
    };
    const [a, b] = await Promise.all([
      importSources(sources('A', slugs)),
      importSources(sources('B', slugs), { force: true }),
      Promise.all(existing.map(edit)),
    ]);

    const posts = await db.post.findMany({ where: { sourceId: { in: slugs.map(artid) } }, select: { id: true, slug: true, sourceId: true } });
    expect(posts.map((p) => p.slug).sort()).toEqual(slugs);
    expect(posts.map((p) => p.sourceId).sort()).toEqual(slugs.map(artid).sort());
    const idOf = new Map(posts.map((p) => [p.slug, p.id]));

    const expected = new Map(slugs.map((slug) => [slug, existing.includes(slug) ? 1 : 0]));
    const checkImport = async (who: string, report: ImportReport) => {
      expect(report.results).toHaveLength(slugs.length);
      for (const result of report.results) {
        const slug = result.file.match(/-(imp-\d)\.md$/)![1]!;
        const written = await db.revision.findMany({ where: { postId: idOf.get(slug), sourceText: fileText(who, slug) } });
        if (result.status === 'imported' || result.status === 'updated') {
          expect(written, `${result.file} was acknowledged`).toHaveLength(1);
          expect(written[0]).toMatchObject({ authorId: null, message: `从 ${result.file} 导入` });
          expected.set(slug, expected.get(slug)! + 1);
        } else {
          expect(['conflict', 'failed'], `${result.file}: ${result.status}`).toContain(result.status);
          expect(result.reason).toBeTruthy();
          expect(written, `${result.file} was refused`).toHaveLength(0);
        }
      }
    };
    await checkImport('A', a);
    await checkImport('B', b);

    for (const save of editorSaves) {
      const written = await db.revision.findMany({ where: { postId: idOf.get(save.slug), message: save.message } });
      if (save.outcome.kind === 'saved') {
        expect(written, save.message).toHaveLength(1);
        // Written on top of the version the editor saw, never over a newer one.
        expect(written[0], save.message).toMatchObject({ authorId: alice, number: save.baseVersion + 1 });
        expected.set(save.slug, expected.get(save.slug)! + 1);
      } else {
        expect(save.outcome.kind, save.message).toBe('conflict');
        expect(written, save.message).toHaveLength(0);
      }
    }

    let total = 0;
    for (const slug of slugs) {
      const revisions = await expectPostEqualsNewestRevision(idOf.get(slug)!);
      // Nothing in history that no one was told about, and nothing told about that is missing.
      expect(revisions, slug).toHaveLength(expected.get(slug)!);
      total += revisions.length;
    }
    const figures = (r: ImportReport) => Object.entries(r.counts).filter(([, n]) => n).map(([s, n]) => `${n} ${s}`).join(', ');
    const edits = countBy(editorSaves.map((s) => s.outcome.kind));
    console.log(
      `importers+editor: A ${figures(a)}; B (force) ${figures(b)}; editor ${edits.saved ?? 0} saved, ${edits.conflict ?? 0} refused; ` +
        `${posts.length} posts, ${total} revisions, all gapless`,
    );
    for (const r of [...a.results, ...b.results].filter((r) => r.status === 'failed')) console.log(`  failed ${r.file}: ${r.reason}`);
  });
});

describe('two migrators at once', () => {
  const query = async (url: string, sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it('applies each migration exactly once when two run on an empty database', async () => {
    const url = await createTestDatabase({ migrated: false });
    const files = await readMigrations('prisma/migrations');
    const [first, second] = await Promise.all([migrate(url), migrate(url)]);
    expect([...first.applied, ...second.applied].sort()).toEqual(files.map((f) => f.name).sort());
    const rows = await query(url, 'SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY 1');
    expect(rows).toEqual(files.map((f) => ({ migration_name: f.name, n: 1 })).sort((x, y) => x.migration_name.localeCompare(y.migration_name)));
    console.log(`migrators: ${first.applied.length} + ${second.applied.length} applied, ${rows.length} rows in _prisma_migrations`);
  });

  it('makes a migrator wait while another holds the migration lock', async () => {
    const url = await createTestDatabase({ migrated: false });
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      let finished = false;
      const started = Date.now();
      const running = migrate(url).finally(() => (finished = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(finished).toBe(false);
      expect(await query(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).toEqual([]);
      const waiting = await query(url, `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = ${MIGRATION_LOCK_KEY} AND NOT granted`);
      expect(waiting).toHaveLength(1);

      await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      const released = Date.now();
      const result = await running;
      expect(result.applied).toEqual((await readMigrations('prisma/migrations')).map((f) => f.name));
      console.log(`migrators: second waited ${released - started} ms on the lock, then applied ${result.applied.length} migrations in ${Date.now() - released} ms`);
    } finally {
      await holder.end();
    }
  });
});
