import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { collectSourceFiles } from '@/lib/content/files';
import { importSources } from '@/lib/import/import';
import type { ImportReport } from '@/lib/import/report';
import { disconnectDb } from '@/lib/db';
import { ensureEmbeddedPostgres } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { createRenderPool } from '@/lib/render/budget';
import { writeCorpus } from '@/test/corpus/corpus';

export interface ImportMeasurement {
  posts: number;
  importSeconds: number;
  importPerSecond: number;
  reimportSeconds: number;
  reimportPerSecond: number;
}

async function timedImport(dir: string): Promise<{ seconds: number; report: ImportReport }> {
  const started = performance.now();
  const pool = createRenderPool({ size: availableParallelism() });
  const report = await importSources(await collectSourceFiles([dir]), { render: pool.render }).finally(() => pool.close());
  return { seconds: (performance.now() - started) / 1000, report };
}

function assertClean(report: ImportReport, expected: 'imported' | 'unchanged', size: number) {
  const wrong = report.results.filter((r) => r.status !== expected);
  if (report.counts[expected] !== size || wrong.length) {
    const sample = wrong.slice(0, 3).map((r) => `${r.file}: ${r.status} ${r.reason ?? ''}`);
    throw new Error(`expected ${size} ${expected}, got ${JSON.stringify(report.counts)}\n${sample.join('\n')}`);
  }
}

/**
 * Generates a corpus of `size` posts (into `dir`, or a temp dir), imports it into the
 * empty database at `databaseUrl` (migrated here), then imports it again unchanged.
 */
export async function measureImport(options: { size: number; databaseUrl: string; dir?: string; seed?: number }): Promise<ImportMeasurement> {
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'bench-import-')));
  try {
    await writeCorpus(dir, { size: options.size, seed: options.seed ?? 1 });
    await migrate(options.databaseUrl);
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM posts').finally(() => client.end());
    if (rows[0]!.n > 0) throw new Error('measureImport needs an empty database: it has posts');

    await disconnectDb();
    const previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = options.databaseUrl;
    try {
      const first = await timedImport(dir);
      assertClean(first.report, 'imported', options.size);
      const again = await timedImport(dir);
      assertClean(again.report, 'unchanged', options.size);
      const round = (n: number) => Math.round(n * 100) / 100;
      return {
        posts: options.size,
        importSeconds: round(first.seconds),
        importPerSecond: round(options.size / first.seconds),
        reimportSeconds: round(again.seconds),
        reimportPerSecond: round(options.size / again.seconds),
      };
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = previousUrl;
    }
  } finally {
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  }
}

/** A fresh database: a new one on the server of `serverUrl`, or on an embedded Postgres in a temp dir. */
export async function freshDatabase(serverUrl: string | undefined) {
  let stop = async () => {};
  let tempDir: string | null = null;
  if (!serverUrl) {
    tempDir = await mkdtemp(path.join(tmpdir(), 'bench-pg-'));
    const embedded = await ensureEmbeddedPostgres(path.join(tempDir, 'postgres'));
    serverUrl = embedded.url;
    stop = embedded.stop;
  }
  const name = `inkwell_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
  const url = serverUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  return {
    url,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
      await stop();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(k?)$/i.exec(text);
  if (!match) throw new Error(`--size: "${text}" is not a count (e.g. 2000, 10k)`);
  return Math.round(Number(match[1]) * (match[2] ? 1000 : 1));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { size: { type: 'string', default: '2k' }, 'server-url': { type: 'string' }, dir: { type: 'string' }, seed: { type: 'string' } },
  });
  const database = await freshDatabase(values['server-url']);
  try {
    const result = await measureImport({ size: parseSize(values.size), databaseUrl: database.url, dir: values.dir, seed: values.seed ? Number(values.seed) : undefined });
    console.log(JSON.stringify(result));
  } finally {
    await database.cleanup();
  }
  process.exit(0);
}
