// Issue 13: the tags page's actions at 10,000 tags, as a signed-in editor does them.
import { actionIdOf, encodeReply, signIn } from './editor';
import type { BenchDatabase } from './postgres';
import { percentile } from './stats';
import type { Verdict } from './verdicts';

export interface AdminTagAction {
  name: string;
  /** What was done, e.g. the page requested or the posts a rename rewrote. */
  detail: string;
  p50: number;
  p95: number;
  samples: number;
  /** Answers that were not what the editor expects (a non-200 page, an action without its notice). */
  errors: number;
}

export interface AdminTagResult {
  tags: number;
  posts: number;
  actions: AdminTagAction[];
}

interface Term {
  id: number;
  name: string;
  posts: number;
}

const round = (n: number) => Math.round(n * 10) / 10;
const WARM_UP = 2;

async function timed(name: string, detail: string, runs: number, once: (i: number) => Promise<boolean>): Promise<AdminTagAction> {
  const samples: number[] = [];
  let errors = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const ok = await once(i);
    if (i >= WARM_UP) samples.push(performance.now() - started);
    if (!ok) errors++;
  }
  return { name, detail, p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), samples: samples.length, errors };
}

/**
 * The tags page's reads (a far page, a search, the merge picker's suggestions) and writes
 * (rename, merge, delete unused) through the real pages and server actions; each write's
 * time runs until the tags page it redirects to has arrived, as the editor waits for it.
 * Writes use the long tail of grown tags (bench/grow.ts growTags: 2–18 posts each), a
 * different tag each time. The first two of each are warm-ups.
 */
export async function measureAdminTags(options: { origin: string; database: BenchDatabase; runs?: number }): Promise<AdminTagResult> {
  const { origin, database } = options;
  const runs = options.runs ?? 20;
  const cookie = await signIn(origin);
  const [counts] = await database.query<{ tags: number; posts: number }>('SELECT (SELECT count(*) FROM tags)::int AS tags, (SELECT count(*) FROM posts)::int AS posts');
  const tail = await database.query<Term>(
    `SELECT t.id, t.name, count(l.post_id)::int AS posts FROM tags t LEFT JOIN post_tags l ON l.tag_id = t.id
     WHERE t.name ~ '^[\\u4e00-\\u9fff]{3}\\d+$' GROUP BY t.id ORDER BY t.id`,
  );
  const used = tail.filter((t) => t.posts >= 2 && t.posts <= 18);
  const unused = tail.filter((t) => t.posts === 0);
  const total = runs + WARM_UP;
  if (used.length < total * 3 || unused.length < total) throw new Error('too few grown tags: run growTags first');
  const average = (terms: Term[]) => (terms.reduce((sum, t) => sum + t.posts, 0) / terms.length).toFixed(1);

  const page = async (path: string) => {
    const response = await fetch(`${origin}${path}`, { headers: { cookie }, redirect: 'manual' });
    await response.arrayBuffer();
    return response.status === 200;
  };
  const action = async (name: string, args: unknown[], path: string) => {
    const response = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'next-action': await actionIdOf(name), accept: 'text/x-component', origin, cookie },
      body: await encodeReply(args),
    });
    const text = await response.text();
    return { ok: response.ok || response.status === 303, text, redirect: decodeURIComponent(response.headers.get('x-action-redirect') ?? '') };
  };
  const termForm = (fields: Record<string, string | number>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ kind: 'tag', page: 1, ...fields })) form.set(k, String(v));
    return form;
  };
  const write = async (fields: Record<string, string | number>) => {
    const answer = await action('termAction', [termForm(fields)], '/admin/tags?kind=tag');
    return answer.ok && answer.redirect.includes('notice=');
  };
  const pages = Math.ceil(counts!.tags / 50);
  const probe = used[0]!.name.slice(0, 1);
  const results: AdminTagAction[] = [];
  const measure = async (name: string, detail: string, once: (i: number) => Promise<boolean>) => void results.push(await timed(name, detail, total, once));
  await measure('page', `/admin/tags?page=${Math.ceil(pages / 2)} of ${pages}`, () => page(`/admin/tags?kind=tag&page=${Math.ceil(pages / 2)}`));
  await measure('search', `/admin/tags?q=${probe}`, () => page(`/admin/tags?kind=tag&q=${encodeURIComponent(probe)}`));
  await measure('merge picker suggestions', `suggestTermsAction “${probe}”`, async () => (await action('suggestTermsAction', [{ kind: 'tag', q: probe }], '/admin/tags?kind=tag')).ok);
  const renamed = used.slice(0, total);
  await measure('rename', `a tag on ${average(renamed)} posts on average, each post gets a revision`, (i) => write({ intent: 'rename', id: renamed[i]!.id, name: `${renamed[i]!.name}改` }));
  const sources = used.slice(total, total * 2);
  const targets = used.slice(total * 2, total * 3);
  await measure('merge', `a tag on ${average(sources)} posts on average into another, each post gets a revision`, (i) =>
    write({ intent: 'merge', id: sources[i]!.id, targetName: targets[i]!.name }),
  );
  await measure('delete unused', 'a tag no post carries', (i) => write({ intent: 'delete', id: unused[i]!.id }));
  return { tags: counts!.tags, posts: counts!.posts, actions: results };
}

/** The report's table of the tags page's actions. */
export function adminTagsSection(r: AdminTagResult): string[] {
  const rows = r.actions.map((a) => `| ${a.name} | ${a.detail} | ${a.p50.toFixed(1)} | ${a.p95.toFixed(1)} | ${a.errors} |`);
  return [
    `### The tags page at ${r.tags.toLocaleString('en')} tags (${r.posts.toLocaleString('en')} posts)`,
    '',
    '| action | what | p50 ms | p95 ms | errors |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Each action ${r.actions[0]?.samples ?? 0} times one after another by a signed-in admin after two warm-ups; writes are timed until the tags page they lead back to has arrived.`,
    '',
  ];
}

/** Issue 13: each action of the tags page ≤ 300 ms at 10,000 tags. */
export function adminTagsVerdict(r: AdminTagResult): Verdict {
  const worst = r.actions.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const met = worst.p95 <= 300 && r.actions.every((a) => a.errors === 0);
  return {
    target: `each tags-page action ≤ 300 ms p95 at ${r.tags.toLocaleString('en')} tags (${r.posts.toLocaleString('en')} posts)`,
    measured: `worst: ${worst.name} p95 ${worst.p95.toFixed(0)} ms; ${r.actions.map((a) => `${a.name} ${a.p95.toFixed(0)}${a.errors ? ` (${a.errors} failed)` : ''}`).join(', ')}`,
    met,
    why: met ? undefined : 'A rename or merge writes a revision for every post carrying the term, so its time grows with those posts, not with the number of tags; the slowest action is named.',
  };
}
