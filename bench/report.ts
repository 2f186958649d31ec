import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { adminTagsSection } from './admin-tags';
import type { BenchResult } from './result';
import { growth, type Spread } from './stats';
import { ratioChart, scaleChart } from './svg';
import { judge } from './verdicts';

const DIR = 'bench/results';
const MB = 1024 * 1024;
const KB = 1024;
const f1 = (n: number) => n.toFixed(1);
const range = (s: Spread, digits = 1) => `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** YYYY-MM-DD-HHMM in UTC, the name of the dated copies. */
function stamp(iso: string): string {
  return iso.slice(0, 16).replace('T', '-').replace(':', '');
}

function markdown(r: BenchResult, svgPrefix: string): string {
  const verdicts = judge(r);
  const out: string[] = [];
  out.push(`# Benchmark results`, '');
  out.push(
    `Run ${r.startedAt} with \`npm run bench -- --size ${r.options.size}\` on ${r.machine.cpus} × ${r.machine.cpuModel}, ` +
      `${(r.machine.memoryBytes / 1024 ** 3).toFixed(0)} GB, Node ${r.machine.node}; took ${f1(r.totalSeconds)} s ` +
      `(${Object.entries(r.phases).map(([k, v]) => `${k} ${v} s`).join(', ')}). Figures are medians over repeated runs with the (min–max) spread; ` +
      `the machine is shared, so absolute numbers are noisy — compare ratios. Raw figures: [\`${svgPrefix}.json\`](${svgPrefix}.json).`,
    '',
  );
  out.push('## Targets', '');
  out.push(table(['target', 'measured', 'verdict'], verdicts.map((v) => [v.target, v.measured, v.met ? '✅ met' : '❌ not met'])));
  const missed = verdicts.filter((v) => !v.met);
  if (missed.length) {
    out.push('', '**Where missed — why, and what it would take:**', '');
    for (const v of missed) out.push(`- *${v.target}*: ${v.why}`);
  }

  out.push('', '## 1. Corpus', '');
  out.push(r.corpus.note, '');
  out.push(table(['posts generated', 'files', 'MB'], r.corpus.generated.map((g) => [g.posts, g.files, f1(g.bytes / MB)])));
  out.push('', `Main corpus for the load runs: ${r.options.mainSize} posts. Scale curve: ${r.scale.map((s) => s.posts).join(', ')} posts (clone time: ${r.scale.map((s) => `${f1(s.clonedSeconds)} s`).join(', ')}).`);
  out.push(`Pages: article \`/posts/${r.targets.article.slug}\` (median-size article, ${r.targets.article.htmlBytes} B of markup), tag \`${r.targets.tag.name}\` (the most used, ${r.targets.tag.posts} of the base posts), search \`${r.targets.searchTerm.term}\` (the commonest indexed Chinese word, in ${r.targets.searchTerm.posts} base posts).`);

  const i = r.import;
  out.push('', '## 2. Import throughput', '');
  out.push(table(['posts', 'import', 'posts/s', 're-import (unchanged)', 'posts/s'], [[i.posts, `${i.importSeconds} s`, f1(i.importPerSecond), `${i.reimportSeconds} s`, f1(i.reimportPerSecond)]]));
  if (i.note) out.push('', `> **Extrapolated:** ${i.note}`);

  out.push('', `## 3. Public pages under load (${r.options.connections} connections, production build)`, '');
  out.push(`Server: \`${r.server}\` (what \`npm start\` runs in production).`, '');
  out.push(`![app throughput as a share of the static limit](${svgPrefix}-ratios.svg)`, '');
  out.push(r.load.map((l) => `**${l.page}** reaches **${(l.ratio * 100).toFixed(1)}%** of the static limit`).join(' · ') + '.', '');
  out.push(
    table(
      ['page', 'app req/s', 'app p50 ms', 'app p99 ms', 'errors', 'static req/s', 'static p99 ms', 'app/static', 'bytes'],
      r.load.map((l) => [
        `${l.page} \`${l.path}\``,
        range(l.app.requestsPerSecond, 0),
        range(l.app.p50),
        range(l.app.p99),
        l.app.errors,
        range(l.static.requestsPerSecond, 0),
        range(l.static.p99),
        `${(l.ratio * 100).toFixed(1)}%`,
        `${l.responseBytes}${l.contentEncoding ? ` (${l.contentEncoding})` : ''}`,
      ]),
    ),
  );
  const first = r.load[0]!;
  out.push('', `Each figure: ${first.app.requestsPerSecond.runs.length} runs of ${first.app.seconds} s, autocannon in its own process on 127.0.0.1, \`Accept-Encoding: gzip\` like a browser. The static limit (bench/static-server.ts) is a minimal Node HTTP server answering with the bytes and headers captured from the app.`);

  const c = r.crawl;
  if (c) {
    const sample = c.cold.pages < c.articles ? `${c.cold.pages} of the ${c.articles} articles (a fair sample: ordered by a hash of the slug; \`--crawl all\` walks every one)` : `all ${c.articles} articles`;
    out.push('', `### A crawler's walk: ${sample}, once each, ${c.connections} connections`, '');
    out.push(
      table(
        ['walk', 'pages', 'pages/s', 'p50 ms', 'p99 ms', 'errors', 'cache hits', 'server CPU ms/page', 'Postgres CPU ms/page'],
        (['cold', 'warm', 'floor'] as const).flatMap((k) => {
          const pass = c[k];
          return pass ? [[k, pass.pages, pass.pagesPerSecond, f1(pass.p50), f1(pass.p99), pass.errors, pass.hits, f1(pass.serverCpuMsPerPage), f1(pass.postgresCpuMsPerPage)]] : [];
        }),
      ),
    );
    out.push('', `Cold: every cache expired first (the \`site\` tag, as an edit to the site's chrome does). Floor, for comparison: the cheapest page the app renders per request, searches that find nothing (one indexed query each, each query new; the suggestions beside them are cached reads). CPU is user + system time of the server's process tree and of Postgres, over the walk, per page. Resident memory after both walks: ${f1(c.rssAfterBytes / MB)} MB.`);
  }

  out.push('', '## 4. Scale curve', '');
  out.push(`![latency against corpus size](${svgPrefix}-scale.svg)`, '');
  const pages = ['article', 'home', 'tag', 'search'] as const;
  out.push(table(['posts', ...pages.flatMap((p) => [`${p} p50`, `${p} p99`])], r.scale.map((s) => [s.posts, ...pages.flatMap((p) => [f1(s.pages[p].p50), f1(s.pages[p].p99)])])));
  const base = r.scale[0];
  const last = r.scale.at(-1);
  if (base && last && last !== base) {
    out.push('', `p50 at ${last.posts / 1000}k relative to ${base.posts / 1000}k: ${pages.map((p) => `${p} ×${growth(base.pages[p].p50, last.pages[p].p50).toFixed(2)}`).join(', ')}.`);
  }
  out.push('', `### EXPLAIN (ANALYZE, BUFFERS) at ${r.scale.at(-1)?.posts ?? 100_000} posts`, '');
  out.push('Every statement the public pages sent while rendered once from a cold cache, as Prisma sent it (captured by auto_explain in the bench cluster).', '');
  out.push(
    'The load runs above measure cached pages; these statements run on a cache miss, i.e. the first request after a write revalidated the page (and, for search, every new query).',
    '',
  );
  const flagged = r.explain.map((q, n) => ({ q, n: n + 1 })).filter(({ q }) => q.flags.length);
  if (!flagged.length) out.push('No Seq Scan over posts, no large sort, no node reading 10k rows and no statement over 50 ms.', '');
  else out.push('⚠️ **Flagged:**', '', ...flagged.map(({ q, n }) => `- #${n} (${q.pages.join(', ')}): ${q.flags.join(', ')}`), '');
  r.explain.forEach((q, n) => {
    out.push(`<details><summary>${n + 1}. ${q.pages.join(', ')} — ${f1(q.durationMs)} ms${q.flags.length ? ` — ⚠️ ${q.flags.join(', ')}` : ''}</summary>`, '');
    out.push('```sql', q.sql, '```', '', q.parameters ? `Parameters: \`${q.parameters.length > 300 ? `${q.parameters.slice(0, 300)}…` : q.parameters}\`` : '', '', '```', q.plan, '```', '', '</details>', '');
  });

  const e = r.editor;
  const lists = r.adminLists;
  if (lists) {
    out.push(`### The admin's lists at ${lists.posts} posts`, '');
    out.push(table(['view', 'path', 'p50 ms', 'p95 ms', 'errors'], lists.views.map((v) => [v.name, `\`${v.path}\``, f1(v.p50), f1(v.p95), v.errors])));
    out.push('', `Each view requested ${lists.requests} times one after another by a signed-in admin, after two warm-up requests.`, '');
  }
  if (r.adminTags) out.push(...adminTagsSection(r.adminTags));
  out.push('## 5. Editor path', '');
  out.push(
    `${e.saves} sequential saves of post #${e.postId}, each with a changed body, POSTed as the editor's server action (savePostAction: session, validation, compile, revision write, revalidation), signed in as an admin. ` +
      `**p50 ${f1(e.p50)} ms, p95 ${f1(e.p95)} ms**; per block of saves p50 ${range(e.blocks.p50)}, p95 ${range(e.blocks.p95)} ms.`,
  );
  if (r.freshness) {
    const f = r.freshness;
    out.push(
      '',
      `Freshness across instances: ${f.instances} instances on one Postgres, nothing else shared. ${f.saves} saves through the server action on the first; before each, the article is cached on the other two, then requested there back to back until it shows the save. ` +
        `From the save's answer until the other instance has sent the fresh page (its render included): **p50 ${f1(f.p50)} ms, p95 ${f1(f.p95)} ms**, max ${f1(f.max)} ms.`,
    );
  }

  const a = r.renderAttack;
  if (a) {
    out.push('', '### Readers during pathological previews', '');
    out.push(`${a.seconds} s of autocannon on \`${a.url}\` (${a.connections} connections) per attack body of issue 11 while an editor previews that body back to back through \`previewAction\`. With no previews: p99 ${f1(a.baseline.p99)} ms.`, '');
    out.push(table(['body', 'chars', 'reader p99', 'reader req/s', 'previews (p50)', 'preview says'], a.runs.map((x) => [x.body, String(x.chars), `${f1(x.reader.p99)} ms`, f1(x.reader.requestsPerSecond), `${x.previews} (${f1(x.previewP50)} ms)`, x.answer])));
  }

  const w = r.weight;
  out.push('', '## 6. Weight of an article page', '');
  out.push(table(['what', 'raw', 'gzip'], [['HTML', `${f1(w.htmlBytes / KB)} KB`, `${f1(w.htmlGzipBytes / KB)} KB`], [`JavaScript (${w.scripts.length} files)`, `${f1(w.jsBytes / KB)} KB`, `${f1(w.jsGzipBytes / KB)} KB`]]));
  out.push('', `The article's own rendered markup (posts.html) is ${f1(w.renderedMarkupBytes / KB)} KB: the HTML is **×${w.htmlToMarkup.toFixed(2)}** of it; ${f1(w.inlineScriptBytes / KB)} KB of the HTML is inline \`<script>\` (JSON-LD data; also the RSC payload when a page ships Next's runtime).`);

  const m = r.memory;
  out.push('', '## 7. Memory', '');
  out.push(`Resident memory of the server's process tree: **${f1(m.atRestBytes / MB)} MB at rest**, **${f1(m.afterLoadBytes / MB)} MB after the load runs**, ${f1(m.atEndBytes / MB)} MB at the end (after growing to ${r.scale.at(-1)?.posts ?? 100_000} posts, the scale runs and the EXPLAIN pass, which renders \`/archive\` and \`/sitemap.xml\` over every post).`);
  return out.join('\n') + '\n';
}

/** Writes latest.{json,md} with their charts, and the same under a dated name. */
export async function writeReport(r: BenchResult): Promise<string[]> {
  await mkdir(DIR, { recursive: true });
  const written: string[] = [];
  const pages = ['article', 'home', 'tag', 'search'] as const;
  const scaleSvg = scaleChart(
    r.scale.map((s) => s.posts),
    pages.map((p) => ({ name: p, p50: r.scale.map((s) => s.pages[p].p50), p99: r.scale.map((s) => s.pages[p].p99) })),
    { value: 50, label: '50 ms p99 target' },
  );
  const ratioSvg = ratioChart(r.load.map((l) => ({ name: l.page, ratio: l.ratio })), 0.5);
  // A --quick look never replaces the full report.
  const quick = (r.options as { quick?: boolean }).quick === true;
  for (const name of quick ? ['quick'] : ['latest', stamp(r.startedAt)]) {
    const files: [string, string][] = [
      [`${name}.json`, JSON.stringify(r, null, 2)],
      [`${name}.md`, markdown(r, name)],
      [`${name}-scale.svg`, scaleSvg],
      [`${name}-ratios.svg`, ratioSvg],
    ];
    for (const [file, content] of files) {
      await writeFile(path.join(DIR, file), content);
      written.push(path.join(DIR, file));
    }
  }
  return written;
}
