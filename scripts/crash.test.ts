import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '@/test/corpus/corpus';
import { createTestDatabase, queryRows as query } from '@/test/database';

/** Posts in the generated corpus; CRASH_POSTS=10000 for the full-scale run (several minutes here). */
const POSTS = Number(process.env.CRASH_POSTS ?? 1000);

/** A generated corpus (test/corpus/corpus.ts): Markdown, MDX and platform HTML, long-tail tags. */
async function corpus(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'crash-corpus-'));
  await writeCorpus(dir, { size: POSTS, seed: 42 });
  return dir;
}

function importer(url: string, dir: string) {
  const { DATABASE_URL: _omit, ...env } = process.env;
  return spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/import.ts', dir], {
    env: { ...env, DATABASE_URL: url },
    stdio: 'ignore',
  });
}

const run = (url: string, dir: string) =>
  new Promise<void>((resolve) => {
    const { DATABASE_URL: _omit, ...env } = process.env;
    execFile(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/import.ts', dir], { env: { ...env, DATABASE_URL: url }, maxBuffer: 256 * 1024 * 1024 }, () => resolve());
  });


/** Everything an import decides, minus ids and clocks. */
const state = (url: string) =>
  query(
    url,
    `SELECT p.source_id, p.slug, p.title, p.status, p.version, p.html, p.body, p.search_vector::text AS search,
            (SELECT json_agg(r.number || ':' || r.content_hash ORDER BY r.number) FROM revisions r WHERE r.post_id = p.id) AS revisions,
            (SELECT json_agg(t.name ORDER BY pt.position) FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = p.id) AS tags
     FROM posts p ORDER BY p.source_id`,
  );

describe('a crash in the middle of an import', () => {
  it('kill -9 mid-import, then a rerun, ends identical to one clean run', { timeout: Math.max(120_000, POSTS * 120) }, async () => {
    const dir = await corpus();
    const total = (await readdir(dir)).length;
    const [crashed, clean] = await Promise.all([createTestDatabase(), createTestDatabase()]);

    const child = importer(crashed, dir);
    for (;;) {
      const [row] = await query<{ n: string }>(crashed, 'SELECT count(*) AS n FROM posts');
      if (Number(row!.n) >= total / 4) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const [{ n: atCrash }] = (await query<{ n: string }>(crashed, 'SELECT count(*) AS n FROM posts')) as [{ n: string }];
    expect(Number(atCrash)).toBeLessThan(total);

    await run(crashed, dir);
    await run(clean, dir);
    const [after, reference] = await Promise.all([state(crashed), state(clean)]);
    expect(after).toHaveLength(total);
    expect(after).toEqual(reference);
    console.log(`crash: killed with ${atCrash}/${total} posts imported; rerun ended identical to a clean run (${total} posts, 1 revision each)`);
  });
});
