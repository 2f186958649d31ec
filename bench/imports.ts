import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { measureImport, type ImportMeasurement } from './import';
import type { BenchDatabase } from './postgres';

export interface ImportResult extends ImportMeasurement {
  /** True when measured at `posts` and scaled to 10k by rate, because 10k would not fit the time budget. */
  extrapolated: boolean;
  note: string;
}

export interface CorpusInfo {
  generated: { posts: number; files: number; bytes: number }[];
  basePosts: number;
  sizes: number[];
  note: string;
}

async function directorySize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/**
 * Imports the base corpus through the real importer into the bench database (the
 * seed every larger size is cloned from), then measures a 10k import in a database
 * of its own when the base import's rate says it fits the budget.
 */
export async function measureImports(options: { database: BenchDatabase; baseSize: number; mainSize: number; workDir: string; budgetSeconds: number }) {
  const baseDir = path.join(options.workDir, 'corpus-base');
  const base = await measureImport({ size: options.baseSize, databaseUrl: options.database.url, dir: baseDir });
  const generated = [{ posts: options.baseSize, ...(await directorySize(baseDir)) }];
  const importSize = Math.min(options.mainSize, 10_000);
  let result: ImportResult = { ...base, extrapolated: importSize > base.posts, note: '' };
  if (importSize > base.posts) {
    const estimate = importSize / base.importPerSecond + importSize / base.reimportPerSecond;
    if (estimate <= options.budgetSeconds) {
      const dir = path.join(options.workDir, `corpus-${importSize}`);
      await options.database.query(`CREATE DATABASE import_bench`);
      try {
        result = { ...(await measureImport({ size: importSize, databaseUrl: options.database.urlOf('import_bench'), dir })), extrapolated: false, note: '' };
      } finally {
        await options.database.query(`DROP DATABASE import_bench WITH (FORCE)`);
      }
      generated.push({ posts: importSize, ...(await directorySize(dir)) });
    } else {
      result.note =
        `Measured at ${base.posts} posts; a ${importSize}-post import would take ~${Math.round(estimate)} s at that rate, ` +
        `over the ${options.budgetSeconds} s budget, so the ${importSize} figure is the ${base.posts}-post rate (extrapolated, not measured).`;
    }
  }
  const corpus: CorpusInfo = {
    generated,
    basePosts: base.posts,
    sizes: [1_000, 10_000, 100_000],
    note: `${base.posts} generated posts imported through the real importer; larger sizes are SQL clones of them (bench/grow.ts).`,
  };
  return { basePosts: base.posts, corpus, result };
}
