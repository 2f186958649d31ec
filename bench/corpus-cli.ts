import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '@/test/corpus/corpus';

/** `tsx bench/corpus-cli.ts --size 10k --out <dir> [--seed N]` */
function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`--size: "${text}" is not a count (e.g. 500, 10k, 1m)`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(match[1]) * factor);
}

async function main() {
  const { values } = parseArgs({
    options: { size: { type: 'string', default: '1k' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
  });
  if (!values.out) throw new Error('usage: tsx bench/corpus-cli.ts --size 10k --out <dir> [--seed N]');
  const started = performance.now();
  const { files, bytes } = await writeCorpus(path.resolve(values.out), { size: parseSize(values.size), seed: Number(values.seed) });
  const seconds = (performance.now() - started) / 1000;
  console.log(`wrote ${files} posts (${(bytes / 1048576).toFixed(1)} MB) to ${values.out} in ${seconds.toFixed(1)} s`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
