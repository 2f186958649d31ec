// Readers on `/` while an editor previews each attack body of issue 11, back to back.
// Standalone, against a running server: npx tsx --conditions=react-server bench/render-attack.ts
//   --origin http://127.0.0.1:3000 --email you@example.com --password '…'   (an editor's account)
import { parseArgs } from 'node:util';
import { PATHOLOGICAL } from '../test/fixtures/pathological-bodies';
import { actionIdOf, encodeReply, signIn } from './editor';
import { autocannon, type LoadRun } from './load';
import { percentile } from './stats';

export interface AttackRun {
  body: string;
  chars: number;
  /** Previews answered during the run, and how long each took (ms, median and max). */
  previews: number;
  previewP50: number;
  previewMax: number;
  /** What the preview said (the error, or "rendered"). */
  answer: string;
  reader: LoadRun;
}

export interface RenderAttackResult {
  url: string;
  connections: number;
  seconds: number;
  baseline: LoadRun;
  runs: AttackRun[];
}

// Passes the line pre-checks but is one paragraph of 50,000 emphasis marks to the parser: the budget stops it.
const HIDDEN = `<div>\n\`\`\`\n\n${'*a'.repeat(50_000)}\n\`\`\`\n`;
const ATTACKS: [string, 'markdown' | 'mdx' | 'html', string][] = [
  ...PATHOLOGICAL.filter(([name]) => !name.includes('5 MB')).map(([name, format, body]) => [name, format, body] as [string, 'markdown' | 'mdx' | 'html', string]),
  ['emphasis hidden from the pre-checks (stopped by the time budget)', 'markdown', HIDDEN],
];

/** For each attack body, `seconds` of autocannon on `/` while previews of that body run one after another. */
export async function measureRenderAttack(options: {
  origin: string;
  user?: { email: string; password: string };
  connections?: number;
  seconds?: number;
  /** Only every n-th body, for a first look; the one stopped by the time budget (last) runs unless `quick`. */
  every?: number;
  /** A first look: the budget-stopped body holds each run for a whole budget (12 s), so it is left out. */
  quick?: boolean;
}): Promise<RenderAttackResult> {
  const { origin, connections = 8, seconds = 5, every = 1 } = options;
  const cookie = await signIn(origin, options.user);
  const actionId = await actionIdOf('previewAction');
  const preview = async (format: string, body: string) => {
    const response = await fetch(`${origin}/admin/posts/new`, {
      method: 'POST',
      headers: { 'next-action': actionId, accept: 'text/x-component', origin, cookie },
      body: await encodeReply([format, body, '']),
    });
    const text = await response.text();
    return /"error":"([^"]*)"/.exec(text)?.[1] ?? (response.ok && text.includes('"html"') ? 'rendered' : `HTTP ${response.status}`);
  };
  const url = `${origin}/`;
  await autocannon(url, connections, 1);
  const baseline = await autocannon(url, connections, seconds);
  const runs: AttackRun[] = [];
  const attacks = ATTACKS.filter((_, i) => i % every === 0 || (i === ATTACKS.length - 1 && !options.quick));
  for (const [name, format, body] of attacks) {
    let stop = false;
    const times: number[] = [];
    let answer = '';
    const editor = (async () => {
      while (!stop) {
        const started = performance.now();
        answer = await preview(format, body);
        times.push(performance.now() - started);
      }
    })();
    const reader = await autocannon(url, connections, seconds);
    stop = true;
    await editor;
    runs.push({ body: name, chars: body.length, previews: times.length, previewP50: percentile(times, 50), previewMax: Math.max(...times), answer, reader });
    console.log(`  ${name}: reader p99 ${reader.p99} ms (${reader.requests} requests, ${reader.errors} errors); ${times.length} previews, p50 ${percentile(times, 50).toFixed(0)} ms: ${answer}`);
  }
  return { url, connections, seconds, baseline, runs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { origin: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, seconds: { type: 'string', default: '5' } } });
  if (!values.origin || !values.email || !values.password) throw new Error('usage: bench/render-attack.ts --origin URL --email EMAIL --password PASSWORD [--seconds 5]');
  const result = await measureRenderAttack({ origin: values.origin, user: { email: values.email, password: values.password }, seconds: Number(values.seconds) });
  console.log(JSON.stringify({ baselineP99: result.baseline.p99, worstP99: Math.max(...result.runs.map((r) => r.reader.p99)) }));
}
