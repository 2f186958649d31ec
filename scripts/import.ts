import './load-env';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { collectSourceFiles } from '@/lib/content/files';
import { importSources } from '@/lib/import/import';
import type { ImportReport } from '@/lib/import/report';
import { migrate } from '@/lib/db/migrate';
import { availableParallelism } from 'node:os';
import { createRenderPool } from '@/lib/render/budget';
import { resolveDatabase } from '@/lib/db/resolve';
import { runCli } from './cli';
import { localiseImported } from './localise-images';

const USAGE = 'Usage: npm run content:import -- [--force] [--localise-images] <file-or-directory>...';

function printReport(report: ImportReport) {
  for (const r of report.results) {
    if (r.status === 'failed') console.error(`✗ ${r.file}: ${r.reason}`);
    else if (r.status === 'conflict') console.error(`! ${r.file}: conflict: ${r.reason}`);
    else if (r.status === 'skipped') console.log(`- ${r.file}: skipped: ${r.reason}`);
    else if (r.status !== 'unchanged') console.log(`✓ ${r.file}: ${r.status} /posts/${r.slug}`);
  }
  const { imported, updated, unchanged, conflict, failed } = report.counts;
  console.log(`\nImported ${imported}, updated ${updated}, unchanged ${unchanged}, conflicts ${conflict}, failed ${failed}.`);
}

await runCli(async () => {
  const { values, positionals } = parseArgs({
    options: {
      force: { type: 'boolean', default: false },
      'localise-images': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help || !positionals.length) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const database = await resolveDatabase();
  await migrate(database.url, { log: console.log });
  const sources = await collectSourceFiles(positionals);
  const bar =
    process.stdout.isTTY && sources.length > 20
      ? new cliProgress.SingleBar({ format: 'Importing [{bar}] {value}/{total} files' }, cliProgress.Presets.shades_classic)
      : null;
  bar?.start(sources.length, 0);
  // Compiling is most of an import's work: from a few hundred files on, every core does it.
  // Always on workers, under the render budget: one pathological file fails alone.
  const pool = createRenderPool({ size: sources.length >= 200 ? availableParallelism() : 1 });
  const report = await importSources(sources, {
    force: values.force,
    onProgress: (done) => bar?.update(done),
    render: pool.render,
  }).finally(() => pool.close());
  bar?.stop();
  printReport(report);
  if (report.warning) console.warn(`Warning: ${report.warning}`);
  if (values['localise-images']) await localiseImported(report);
  return report.counts.failed + report.counts.conflict > 0 ? 1 : 0;
});
