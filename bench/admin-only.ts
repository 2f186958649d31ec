// `npm run bench -- --only admin`: issue 13's figures alone, in a few minutes instead of the whole bench.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { adminListVerdict, measureAdminLists } from './admin-lists';
import { adminTagsSection, adminTagsVerdict, measureAdminTags } from './admin-tags';
import { createAdmin } from './editor';
import { growPosts, growTags } from './grow';
import { measureImport } from './import';
import type { BenchDatabase } from './postgres';
import { startApp } from './server';
import { pickTargets } from './targets';

type Phase = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/**
 * Imports the base corpus, grows it to `posts` and the tags to `tags`, then measures the
 * admin's list views and the tags page's actions on the production build, printing the
 * verdicts and writing `<workDir>/admin.json`. With `hold`, nothing is measured: the
 * database and server stay up (their URLs printed) until Ctrl-C, to look at plans by hand.
 */
export async function benchAdminOnly(options: {
  database: BenchDatabase;
  phase: Phase;
  workDir: string;
  port: number;
  baseSize: number;
  posts: number;
  tags: number;
  requests: number;
  hold: boolean;
}): Promise<void> {
  const { database, phase } = options;
  await phase('import', () => measureImport({ size: options.baseSize, databaseUrl: database.url, dir: path.join(options.workDir, 'corpus-base') }));
  process.env.DATABASE_URL = database.url;
  await phase(`grow to ${options.posts} posts`, () => growPosts(database.url, options.baseSize, options.posts));
  await phase(`grow to ${options.tags} tags`, () => growTags(database.url, options.tags));
  const targets = await pickTargets(database);
  await createAdmin(database.url);
  const app = await phase('server start', () => startApp({ port: options.port, databaseUrl: database.url }));
  try {
    if (options.hold) {
      console.log(`\nHolding: DATABASE_URL=${database.url} and ${app.origin}; Ctrl-C to stop.`);
      await new Promise(() => undefined);
    }
    const lists = await phase('admin lists', () =>
      measureAdminLists({ origin: app.origin, posts: options.posts, requests: options.requests, targets: { searchTerm: targets.searchTerm.term, tag: targets.tag.name } }),
    );
    const tags = await phase('admin tags', () => measureAdminTags({ origin: app.origin, database, runs: options.requests }));
    await writeFile(path.join(options.workDir, 'admin.json'), JSON.stringify({ lists, tags }, null, 2));
    console.log('\n| view | path | p50 ms | p95 ms | errors |\n| --- | --- | --- | --- | --- |');
    for (const v of lists.views) console.log(`| ${v.name} | \`${v.path}\` | ${v.p50} | ${v.p95} | ${v.errors} |`);
    console.log(`\n${adminTagsSection(tags).join('\n')}`);
    for (const verdict of [adminListVerdict(lists), adminTagsVerdict(tags)]) console.log(`${verdict.met ? '✅' : '❌'} ${verdict.target}: ${verdict.measured}`);
  } finally {
    await app.stop();
  }
}
