import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSourceFiles } from '@/lib/content/files';
import { importSources } from '@/lib/import/import';
import { db, disconnectDb } from '@/lib/db';
import { connectTestDatabase } from '@/test/database';
import { writeCorpus } from '@/test/corpus/corpus';

const tempDir = (prefix: string) => mkdtemp(path.join(tmpdir(), prefix));

beforeAll(async () => {
  await connectTestDatabase();
});
afterAll(() => disconnectDb());

describe('the synthetic corpus', () => {
  it('writes the same files for the same seed, and different ones for another', async () => {
    const [a, b, c] = await Promise.all([tempDir('corpus-a-'), tempDir('corpus-b-'), tempDir('corpus-c-')]);
    const [ra, rb] = await Promise.all([writeCorpus(a, { size: 20, seed: 7 }), writeCorpus(b, { size: 20, seed: 7 }), writeCorpus(c, { size: 20, seed: 8 })]);
    expect(ra).toEqual(rb);
    const names = (await readdir(a)).sort();
    expect(names).toHaveLength(20);
    expect((await readdir(b)).sort()).toEqual(names);
    for (const name of names) expect(await readFile(path.join(b, name), 'utf8')).toBe(await readFile(path.join(a, name), 'utf8'));
    expect((await readdir(c)).sort()).not.toEqual(names);
  });

  it('imports completely: every format, with tags and categories', async () => {
    const dir = await tempDir('corpus-');
    const { files, bytes } = await writeCorpus(dir, { size: 50, seed: 1 });
    expect(files).toBe(50);
    expect(bytes).toBeGreaterThan(50 * 1000);

    const report = await importSources(await collectSourceFiles([dir]));
    expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(report.counts.imported).toBe(50);

    const formats = await db.post.groupBy({ by: ['format'], _count: true });
    expect(formats.map((f) => f.format).sort()).toEqual(['html', 'markdown', 'mdx']);
    expect(await db.tag.count()).toBeGreaterThan(20);
    expect(await db.category.count()).toBeGreaterThan(3);
    const untagged = await db.post.count({ where: { tags: { none: {} } } });
    expect(untagged).toBe(0);
    // Platform HTML keeps only the article: no chrome reaches the stored HTML.
    const html = await db.post.findFirstOrThrow({ where: { format: 'html' } });
    expect(html.html).not.toContain('articleContentId');
    expect(html.sourceUrl).toMatch(/^https:\/\/blog\.csdn\.net\/.+\/article\/details\/\d+$/);
  });
});
