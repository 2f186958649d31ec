import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectSourceFiles } from '@/lib/content/files';
import { db, disconnectDb } from '@/lib/db';
import { prepare } from '@/lib/import/decide';
import { importSources } from '@/lib/import/import';
import { decodeText } from '@/lib/content/parse';
import { renderBody } from '@/lib/render/render';
import { connectTestDatabase, queryRows } from '@/test/database';
import { createPostsInBulk } from './import-bulk';
import { writeImportedPosts } from './import-write';
import { createPost } from './mutations';

afterAll(() => disconnectDb());

/** Everything an import stores, keyed by slugs and names (ids and clocks differ between databases). */
async function storedRows(url: string) {
  const posts = await queryRows(
    url,
    `SELECT p.*, p.search_vector::text AS search_vector, NULL AS id, NULL AS created_at, NULL AS updated_at FROM posts p ORDER BY slug`,
  );
  const revisions = await queryRows(
    url,
    `SELECT p.slug, r.*, NULL AS id, NULL AS post_id, NULL AS created_at FROM revisions r JOIN posts p ON p.id = r.post_id ORDER BY p.slug, r.number`,
  );
  const tags = await queryRows(
    url,
    `SELECT p.slug, t.name, t.name_key, t.slug AS tag_slug, pt.position FROM post_tags pt JOIN posts p ON p.id = pt.post_id JOIN tags t ON t.id = pt.tag_id ORDER BY 1, 5`,
  );
  const categories = await queryRows(
    url,
    `SELECT p.slug, c.name, c.slug AS category_slug, pc.position FROM post_categories pc JOIN posts p ON p.id = pc.post_id JOIN categories c ON c.id = pc.category_id ORDER BY 1, 4`,
  );
  return { posts, revisions, tags, categories };
}

/** Content files parsed and compiled as an import would write them, as new posts. */
async function newPostWrites(names: string[]) {
  return Promise.all(
    names.map(async (name) => {
      const bytes = new Uint8Array(await readFile(path.join('content', name)));
      const item = prepare(name, bytes, decodeText(bytes));
      const rendered = await renderBody(item.snapshot.format, item.snapshot.body, item.snapshot.title);
      return { snapshot: item.snapshot, existing: null, rendered, meta: { authorId: null, message: `Imported from ${name}`, sourceText: item.sourceText } };
    }),
  );
}

async function useNewDatabase(): Promise<string> {
  await disconnectDb();
  return connectTestDatabase();
}

describe('new posts written together', () => {
  it('store exactly what writing them one by one stores', async () => {
    const files = await collectSourceFiles(['content']);
    const together = await useNewDatabase();
    const report = await importSources(files);
    expect(report.counts.imported).toBe(files.length);

    const alone = await useNewDatabase();
    for (const file of files) expect((await importSources([file])).counts.imported).toBe(1);

    const [a, b] = [await storedRows(together), await storedRows(alone)];
    expect(a.posts.length).toBe(files.length);
    // The migration fills source_hash for older revisions in SQL: the same hash as the app's.
    const hashes = await queryRows(together, `SELECT source_hash = encode(sha256(convert_to(source_text, 'UTF8')), 'hex') AS same FROM revisions`);
    expect(hashes.map((h) => h.same)).toEqual(files.map(() => true));
    expect(a).toEqual(b);
  });

  it('are created by createPostsInBulk itself, with the rows and terms createPost writes', async () => {
    const writes = await newPostWrites((await readdir('content')).filter((f) => f !== 'README.md'));
    const together = await useNewDatabase();
    const saved = await db.$transaction((tx) => createPostsInBulk(tx, writes));
    const alone = await useNewDatabase();
    const one = [];
    for (const write of writes) one.push(await db.$transaction((tx) => createPost(tx, write.snapshot, write.rendered, write.meta)));
    expect(await storedRows(together)).toEqual(await storedRows(alone));
    expect(saved.map((s) => [s.slug, s.affected.slugs[0], s.affected.tagSlugs, s.affected.categorySlugs])).toEqual(
      one.map((s) => [s.slug, s.slug, s.affected.tagSlugs, s.affected.categorySlugs]),
    );
  });

  it('write the others, and report the one whose slug is taken, when one cannot be created', async () => {
    await useNewDatabase();
    const writes = await newPostWrites((await readdir('content')).filter((f) => f.endsWith('.md')).slice(0, 3));
    const [taken] = await writeImportedPosts([writes[1]!]);
    expect(taken).toHaveProperty('saved');

    const outcomes = await writeImportedPosts(writes);
    expect(outcomes[0]).toHaveProperty('saved');
    expect(outcomes[2]).toHaveProperty('saved');
    expect(String((outcomes[1] as { error: unknown }).error)).toMatch(/已被文章 #\d+ 使用/);
    expect(await db.post.count()).toBe(3);
    expect(await db.revision.count()).toBe(3);
  });
});
