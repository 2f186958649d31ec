// `npm run bench -- [--size 1k|10k|100k] [--quick] [--only admin [--hold]]`: build, prepare data, measure, write bench/results/.
// --quick: a first look (about two minutes here after the build, the target) with 200 imported posts grown to 1k, one short run
// per figure, a 50-article crawl and a sample of the render attacks (not the one the time budget stops, which takes 12 s).
// --only admin: issue 13's admin figures alone (post lists at 100k posts, the tags page at 10k tags), in about
// five minutes after the build; prints them and writes .data/bench/admin.json, not bench/results/. With --quick:
// 1k posts and 1k tags. --hold prepares the same and measures nothing: its database and server stay up, for EXPLAIN by hand, until Ctrl-C.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildIsStale } from '../scripts/build-freshness';
import { BENCH_ADMIN, createAdmin, measureEditor } from './editor';
import { measureImports } from './imports';
import { measureMainLoad, measureScalePoint } from './pages';
import { startBenchDatabase } from './postgres';
import { writeReport } from './report';
import { startApp } from './server';
import { pickTargets, pagePaths } from './targets';
import { explainPages } from './explain';
import { measureFreshness } from './freshness';
import { growPosts, growTags } from './grow';
import { measureLoad, warm } from './load';
import { measureRenderAttack } from './render-attack';
import { measureCrawl } from './crawl';
import { measureAdminLists } from './admin-lists';
import { benchAdminOnly } from './admin-only';
import { measureAdminTags } from './admin-tags';
import type { BenchResult } from './result';

const SIZES = { '1k': 1_000, '10k': 10_000, '100k': 100_000 } as const;
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10k' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '3' },
    'scale-runs': { type: 'string', default: '3' },
    'scale-seconds': { type: 'string', default: '2' },
    saves: { type: 'string', default: '40' },
    'fresh-saves': { type: 'string', default: '20' },
    'import-budget': { type: 'string', default: '200' },
    // How many articles the crawl walks ("all" for every one): at tens of cold pages a second, all 10k would take minutes.
    crawl: { type: 'string', default: '1000' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    hold: { type: 'boolean', default: false },
  },
});
const quick = values.quick === true;
// The quick import is measured on the base corpus only (the budget rules out a second import).
if (quick) Object.assign(values, { size: '1k', runs: '1', seconds: '1', 'import-budget': '0', 'scale-runs': '1', 'scale-seconds': '1', saves: '10', 'fresh-saves': '5', crawl: '50' });
if (values.only !== undefined && values.only !== 'admin') throw new Error('--only takes admin');
if (!(values.size! in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const mainSize = SIZES[values.size as keyof typeof SIZES];
const APP_PORT = Number(process.env.BENCH_PORT ?? 3400);
const STATIC_PORT = Number(process.env.BENCH_STATIC_PORT ?? 3401);
const WORK = '.data/bench';
const BASE_SIZE = quick ? 200 : 1_000;
const SCALE_SIZES = quick ? [1_000] : [1_000, 10_000, 100_000];

const started = performance.now();
const phases: Record<string, number> = {};
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const t = performance.now();
  console.log(`▶ ${name} …`);
  const result = await work();
  phases[name] = Math.round((performance.now() - t) / 100) / 10;
  console.log(`  ${name}: ${phases[name]} s`);
  return result;
}

/** The first link on a page matching `pattern` (e.g. its list's second window), so the explain pass covers it too. */
async function firstLink(origin: string, path: string, pattern: RegExp): Promise<string[]> {
  const html = await (await fetch(`${origin}${path}`)).text();
  const href = pattern.exec(html)?.[1];
  return href ? [href.replace(/&amp;/g, '&')] : [];
}

function nextBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
  });
}

await phase('build', async () => ((await buildIsStale()) ? nextBuild() : undefined));
await rm(WORK, { recursive: true, force: true });
const database = await phase('database', () => startBenchDatabase(`${WORK}/postgres`));
let app: Awaited<ReturnType<typeof startApp>> | undefined;
// Ctrl-C: stop the server and the database before leaving.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void Promise.allSettled([app?.stop(), database.stop()]).then(() => process.exit(130)));
}
if (values.only === 'admin') {
  try {
    const size = quick ? 1_000 : 100_000;
    await benchAdminOnly({ database, phase, workDir: WORK, port: APP_PORT, baseSize: BASE_SIZE, posts: size, tags: quick ? 1_000 : 10_000, requests: quick ? 5 : 20, hold: values.hold === true });
  } finally {
    await database.stop();
  }
  process.exit(0);
}
try {
  const imports = await phase('import', () =>
    measureImports({ database, baseSize: BASE_SIZE, mainSize, workDir: WORK, budgetSeconds: Number(values['import-budget']) }),
  );
  process.env.DATABASE_URL = database.url;
  const targets = await pickTargets(database);
  const paths = pagePaths(targets);
  await createAdmin(database.url);
  app = await phase('server start', () => startApp({ port: APP_PORT, databaseUrl: database.url }));
  const memory = { atRestBytes: app.rss(), afterLoadBytes: 0, atEndBytes: 0 };
  // One short burst per page first, so the first size measured does not also pay for a cold server
  // (--quick: a few requests each, without starting autocannon per page).
  await phase('warm-up', async () => {
    for (const p of Object.values(paths)) await (quick ? warm(`${app!.origin}${p}`, 20) : measureLoad(`${app!.origin}${p}`, { connections: 32, seconds: 1, runs: 1 }));
  });
  const scaleOptions = { runs: Number(values['scale-runs']), seconds: Number(values['scale-seconds']), connections: 32 };
  const result: Pick<BenchResult, 'scale'> & Partial<Pick<BenchResult, 'load' | 'weight' | 'editor' | 'explain' | 'freshness' | 'renderAttack' | 'crawl' | 'adminLists' | 'adminTags'>> = { scale: [] };
  for (const size of SCALE_SIZES) {
    const grown = await phase(`grow to ${size}`, () => growPosts(database.url, imports.basePosts, size));
    await app.revalidateSite();
    if (size === mainSize) {
      const limit = values.crawl === 'all' ? undefined : Number(values.crawl);
      result.crawl = await phase(`crawl at ${size}`, () => measureCrawl({ app: app!, database, postgresDir: `${WORK}/postgres`, limit }));
      const main = await phase(`load at ${size}`, () =>
        measureMainLoad({ app: app!, paths, staticPort: STATIC_PORT, workDir: WORK, connections: 32, runs: Number(values.runs), seconds: Number(values.seconds), targets }),
      );
      memory.afterLoadBytes = app.rss();
      result.load = main.load;
      result.weight = main.weight;
      result.scale.push({ posts: size, clonedSeconds: grown.seconds, pages: main.scalePages });
      result.editor = await phase('editor saves', () =>
        measureEditor({ app: app!, postId: targets.editorPostId, saves: Number(values.saves) }),
      );
      result.freshness = await phase('freshness across instances', () =>
        measureFreshness({
          app: app!,
          databaseUrl: database.url,
          ports: [APP_PORT + 2, APP_PORT + 3],
          postId: targets.editorPostId,
          saves: Number(values['fresh-saves']),
        }),
      );
      result.renderAttack = await phase('render attack', () => measureRenderAttack({ origin: app!.origin, seconds: quick ? 1 : 2, every: quick ? 6 : 1, quick }));
    } else {
      const pages = await phase(`scale at ${size}`, () => measureScalePoint(app!.origin, paths, scaleOptions));
      result.scale.push({ posts: size, clonedSeconds: grown.seconds, pages });
    }
    if (size === SCALE_SIZES.at(-1)) {
      const server = app;
      result.adminLists = await phase(`admin lists at ${size}`, () =>
        measureAdminLists({ origin: server.origin, posts: size, requests: quick ? 5 : 20, targets: { searchTerm: targets.searchTerm.term, tag: targets.tag.name } }),
      );
      const pages = [
        paths.home,
        ...(await firstLink(server.origin, paths.home, /href="(\/before\/[^"]+)"/)),
        paths.article,
        paths.tag,
        ...(await firstLink(server.origin, paths.tag, /href="(\/tags\/[^"/]+\/before\/[^"]+)"/)),
        '/tags',
        paths.search,
        paths.feed,
        '/archive',
        ...(await firstLink(server.origin, '/archive', /href="(\/archive\/\d{4}[^"]*)"/)),
        '/sitemap.xml',
      ];
      result.explain = await phase(`explain at ${size}`, () =>
        explainPages(database, pages, async (p) => void (await (await fetch(`${server.origin}${p}`)).arrayBuffer()), server.revalidateSite),
      );
      // Last, since its renames and merges write revisions.
      await phase('grow to 10000 tags', () => growTags(database.url, 10_000));
      result.adminTags = await phase(`admin tags at ${size}`, () => measureAdminTags({ origin: server.origin, database, runs: quick ? 5 : 20 }));
    }
  }
  memory.atEndBytes = app.rss();
  const full = {
    ...result,
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
    phases,
    machine: await import('./machine').then((m) => m.describeMachine()),
    options: { ...values, size: values.size!, mainSize, connections: 32 },
    corpus: imports.corpus,
    import: imports.result,
    targets,
    memory,
    admin: BENCH_ADMIN.email,
    server: app.command,
  } as BenchResult;
  const files = await writeReport(full);
  console.log(`\nDone in ${full.totalSeconds} s. Wrote ${files.join(', ')}`);
} finally {
  await app?.stop();
  await database.stop();
}
process.exit(0);
