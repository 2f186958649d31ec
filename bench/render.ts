// Re-renders a report (markdown and charts) from its JSON: tsx bench/render.ts bench/results/latest.json
import { readFileSync } from 'node:fs';
import { writeReport } from './report';
import type { BenchResult } from './result';

const file = process.argv[2] ?? 'bench/results/latest.json';
console.log((await writeReport(JSON.parse(readFileSync(file, 'utf8')) as BenchResult)).join('\n'));
