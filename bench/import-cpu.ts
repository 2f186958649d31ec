import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { collectSourceFiles } from '@/lib/content/files';
import { disconnectDb } from '@/lib/db';
import { ensureEmbeddedPostgres } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { importSources } from '@/lib/import/import';
import { createRenderPool } from '@/lib/render/budget';
import { decodeText } from '@/lib/content/parse';
import { prepare } from '@/lib/import/decide';
import { renderBody } from '@/lib/render/render';
import type { PostSnapshot } from '@/lib/validations/post';
import { segmentForIndex } from '@/lib/words/segment';
import { writeCorpus } from '@/test/corpus/corpus';

/**
 * `tsx --conditions=react-server bench/import-cpu.ts --size 2k [--workers 2] [--dir <corpus>]`:
 * imports a generated corpus into a fresh embedded Postgres twice (new, then unchanged) and
 * prints wall time and CPU per post — this process (main thread and render workers) and
 * Postgres apart — so runs on a shared machine compare by CPU, not by the clock. Then compiles
 * every body again on this one thread, JIT warm, as a render worker does: the compile's own cost.
 */

const TICK_MS = 10;

/** CPU milliseconds of every Postgres process working in `dataDir` (exited backends count in the postmaster's children time). */
async function postgresCpuMs(dataDir: string): Promise<number> {
  let ticks = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if ((await readlink(`/proc/${pid}/cwd`)) !== dataDir) continue;
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /, '').split(' ');
      // utime, stime, cutime, cstime are fields 14–17 (1-based); after the comm, index 11–14.
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // Gone, or not ours to read.
    }
  }
  return ticks * TICK_MS;
}

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '2000' },
    workers: { type: 'string' },
    dir: { type: 'string' },
    pg: { type: 'string' },
  },
});
const size = Number(values.size!.replace(/k$/i, '000'));
const corpus = path.resolve(values.dir ?? path.join(tmpdir(), `import-cpu-corpus-${size}`));
if (!existsSync(corpus)) {
  await mkdir(corpus, { recursive: true });
  await writeCorpus(corpus, { size, seed: 1 });
}
const dataDir = path.resolve(values.pg ?? path.join(tmpdir(), `import-cpu-pg-${process.pid}`));
const database = await ensureEmbeddedPostgres(dataDir);
await migrate(database.url);
process.env.DATABASE_URL = database.url;
const workers = Number(values.workers ?? availableParallelism());

async function run(label: string) {
  const sources = await collectSourceFiles([corpus]);
  const pool = createRenderPool({ size: workers });
  const cpu = process.cpuUsage();
  const pgBefore = await postgresCpuMs(dataDir);
  const started = performance.now();
  const report = await importSources(sources, { render: pool.render }).finally(() => pool.close());
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  const pgMs = (await postgresCpuMs(dataDir)) - pgBefore;
  const n = sources.length;
  console.log(
    JSON.stringify({
      label,
      posts: n,
      counts: report.counts,
      seconds: Math.round(seconds * 100) / 100,
      perSecond: Math.round(n / seconds),
      nodeCpuMsPerPost: Math.round(((user + system) / 1000 / n) * 100) / 100,
      postgresCpuMsPerPost: Math.round((pgMs / n) * 100) / 100,
      cpuBoundPerSecond: Math.round((n * 1000 * 2) / ((user + system) / 1000 + pgMs)),
    }),
  );
}

/** Each body compiled and segmented for search here, on one thread, after a first pass to warm the JIT. */
async function compileHere() {
  const bodies: PostSnapshot[] = [];
  for (const source of await collectSourceFiles([corpus])) {
    const bytes = await source.read();
    // As the import reads a file: its snapshot's format, body and title are what a worker compiles.
    bodies.push(prepare(source.name, bytes, decodeText(bytes)).snapshot);
  }
  const pass = async () => {
    for (const { format, body, title } of bodies) segmentForIndex((await renderBody(format, body, title)).text);
  };
  await pass();
  const cpu = process.cpuUsage();
  await pass();
  const { user, system } = process.cpuUsage(cpu);
  console.log(JSON.stringify({ label: 'compile on one thread', posts: bodies.length, cpuMsPerPost: Math.round(((user + system) / 1000 / bodies.length) * 100) / 100 }));
}

try {
  await run('import');
  await run('reimport');
  await compileHere();
} finally {
  await disconnectDb();
  await database.stop();
  if (!values.pg) await rm(dataDir, { recursive: true, force: true });
}
process.exit(0);
