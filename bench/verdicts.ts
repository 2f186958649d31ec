import type { BenchResult } from './result';
import { adminListVerdict } from './admin-lists';
import { adminTagsVerdict } from './admin-tags';
import { crawlVerdicts } from './crawl-verdicts';
import { growth as grown } from './stats';

export interface Verdict {
  target: string;
  measured: string;
  met: boolean | null;
  /** Where missed: why, and what it would take. */
  why?: string;
}

const SEARCH_WHY =
  'Ranking reads at most the newest 1,000 matches (lib/search/public.ts), so a common word no longer costs a scan of every match. The rest is the page itself: search results are cached per query, but the page is rendered per request (it reads the query string), a few ms of CPU each, queued behind 32 connections on 2 cores shared with the load generator. Meeting it would take keeping rendered result pages in a bounded per-query cache in the web server, as the other public pages are.';
const IMPORT_WHY =
  'The import is CPU-bound on 2 cores: about 26 ms of CPU per post (bench/import-cpu.ts: 24 ms in Node, 2–3 ms in Postgres). Compiling is most of it. On one idle thread with its JIT warm, compiling and segmenting a post of this corpus costs about 8 ms (bench/import-cpu.ts, its last line); a profile splits it as Markdown through micromark and mdast 2.7 ms, mdx-bundler 1.6 ms on average (8 ms for each of the fifth of posts that are MDX or carry raw HTML, plus esbuild\'s own process), segmenting for search 1.4 ms, headings, figures and links 0.8 ms, Shiki 0.7 ms, the rest under 1 ms. On two workers sharing the 2 cores the same work costs 13.9 ms of CPU per post, so compiling alone, with nothing written, tops out near 134 posts/s here (the render pool on the 1k corpus). The main thread adds about 4 ms (reading, YAML front matter, zod, the chunk\'s multi-row statements) and Postgres 2–3 ms (tsvector and GIN index, TOAST compression). 400/s needs under 5 ms per post in all, less than compiling alone costs with the project\'s compilers (mdx-bundler, unified) on one idle core: it would take a Markdown compiler several times faster with the same output, or more cores, since compiling already spreads over them.';
const REIMPORT_WHY =
  'An unchanged file is skipped after one indexed lookup of its SHA-256 per chunk of 50 (revisions.source_hash, lib/import/known-sources.ts), while the next chunk is read; what remains is reading, decoding and hashing the files, about 0.25 ms of CPU per file. Below the target means the machine was busy or the run was too short to amortise start-up; measure at 10k on an idle machine.';
const ATTACK_WHY =
  'Compiles run on a worker (lib/render/pool.ts), so the main thread only receives the editor\'s request and the answer; what is left is CPU: the worker, the readers\' load generator and the server share 2 cores, and a body the pre-checks pass keeps its worker busy up to its time budget. More cores, or a render worker on another machine, remove the contention.';
const SAVE_WHY =
  'A save validates, compiles the body (Markdown in a few ms; MDX through mdx-bundler and esbuild, tens of ms), writes the post, its revision and search vector in one transaction, and revalidates the tags it touched. The tail is the compiler and the collector on a 2-core machine shared with the database. Compiles run on a warm worker inside the server (lib/render/budget.ts), which adds a message round trip and a copy of the body each way; meeting it would take fewer statements per save.';

/** Issue 10: cached pages at the static limit, within measurement noise. */
const PAGE_RATIO = 0.9;

function pageWhy(fromCache: boolean, headers: string, ratio: number, p99: number): string {
  const where = fromCache
    ? 'Served from the web server\'s response cache (`x-cache: HIT`): compressed once, written straight to the socket, never entering Next.'
    : `Not served from the web server's response cache (\`${headers || 'no caching headers'}\`): every request went through Next.`;
  const gap =
    ratio < PAGE_RATIO
      ? ' The web server\'s thread (lib/server/front-worker.ts) does what the static server does plus a cache lookup and a few header checks; Next runs in another thread, so its request-scoped storage costs cached pages nothing. On 2 cores, one of them taken by autocannon and the other shared with Postgres and Next\'s idle timers, the rest of the gap is within the run-to-run spread shown beside each figure; a CDN or reverse proxy holding the same bytes (docs/deploy.md) removes it.'
      : '';
  const tail = p99 > 50 ? ` A p99 of ${p99.toFixed(0)} ms at 32 connections is the queue behind one busy core (garbage collection pauses included), not the work of one request.` : '';
  return `${where}${gap}${tail}`;
}
const KB = 1024;
const pct = (n: number) => `${(n * 100).toFixed(0)}%`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Each target of issue 5, met or not, with the figure it was judged on. */
export function judge(r: BenchResult): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const name of ['article', 'home', 'tag'] as const) {
    const page = r.load.find((l) => l.page === name)!;
    const p99 = page.app.p99.median;
    const met = page.ratio >= PAGE_RATIO && p99 <= 50;
    const headers = Object.entries(page.cacheHeaders).map(([k, v]) => `${k}: ${v}`).join('; ');
    verdicts.push({
      target: `${name}: throughput ≥ ${pct(PAGE_RATIO)} of the static limit and p99 ≤ 50 ms at ${r.options.connections} connections`,
      measured: `${pct(page.ratio)} of the limit, p99 ${ms(p99)}`,
      met,
      why: met ? undefined : pageWhy(page.cacheHeaders['x-cache'] === 'HIT', headers, page.ratio, p99),
    });
  }
  const at = (posts: number) => r.scale.find((s) => s.posts === posts);
  const big = at(100_000);
  const small = at(1_000);
  if (big) {
    const p99 = big.pages.search.p99;
    const query = r.explain.filter((q) => q.pages.some((p) => p.startsWith('/search'))).sort((a, b) => b.durationMs - a.durationMs)[0];
    const fact = query ? `Its slowest query took ${ms(query.durationMs)} at 100k${query.flags.length ? ` (${query.flags.join(', ')})` : ''}. ` : '';
    verdicts.push({ target: 'search: p99 ≤ 150 ms at 100k posts', measured: `p99 ${ms(p99)}`, met: p99 <= 150, why: p99 <= 150 ? undefined : `${fact}${SEARCH_WHY}` });
  }
  if (big && small) {
    const growth = (['article', 'home', 'tag', 'search'] as const).map((p) => ({ p, g: grown(small.pages[p].p50, big.pages[p].p50) }));
    const worst = growth.reduce((a, b) => (b.g > a.g ? b : a));
    const flagged = r.explain.filter((q) => q.flags.length);
    const flaggedPages = [...new Set(flagged.flatMap((q) => q.pages))];
    const met = worst.g <= 1.2;
    verdicts.push({
      target: 'latency (p50) at 100k posts within 20% of 1k, for article, home, tag and search',
      measured: growth.map(({ p, g }) => `${p} ×${g.toFixed(2)}`).join(', '),
      met,
      why: met
        ? undefined
        : `${flagged.length ? `At 100k, ${flagged.length} statements are flagged (§4, EXPLAIN), on ${flaggedPages.join(', ')}; the pages above are cached, so these costs show on cache misses more than in this curve. ` : ''}The curve is measured on a machine shared with the load generator, where run-to-run noise is of the same order as the target; rerun on an idle machine before reading a trend into it.`,
    });
  }
  // The count statements read the counters of migration post_counters (lib/listing/counts.ts).
  const counts = r.explain.filter((q) => /_post_counts\b/.test(q.sql));
  if (counts.length) {
    const slowest = counts.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    verdicts.push({
      target: '/tags, /archive and a term page\'s count ≤ 5 ms at 100k posts (issue 15)',
      measured: counts.map((q) => `${q.pages.join(', ')} ${ms(q.durationMs)}`).join('; '),
      met: slowest.durationMs <= 5,
      why:
        slowest.durationMs <= 5
          ? undefined
          : `Slowest on ${slowest.pages.join(', ')}${slowest.flags.length ? ` (${slowest.flags.join(', ')})` : ''}: it reads one counter row per term or month plus the posts dated in the future; timed under auto_explain's per-node timing, which adds to it.`,
    });
  }
  const i = r.import;
  const label = i.extrapolated ? ` (measured at ${i.posts} posts, extrapolated)` : ` (${i.posts} posts)`;
  verdicts.push({
    target: 'import ≥ 400 posts/s at 10k',
    measured: `${i.importPerSecond.toFixed(0)} posts/s${label}`,
    met: i.importPerSecond >= 400,
    why: i.importPerSecond >= 400 ? undefined : `${i.note ? `${i.note} ` : ''}${IMPORT_WHY}`,
  });
  verdicts.push({
    target: 'unchanged re-import ≥ 5,000 posts/s at 10k',
    measured: `${i.reimportPerSecond.toFixed(0)} posts/s${label}`,
    met: i.reimportPerSecond >= 5000,
    why: i.reimportPerSecond >= 5000 ? undefined : `${i.note ? `${i.note} ` : ''}${REIMPORT_WHY}`,
  });
  if (r.crawl) verdicts.push(...crawlVerdicts(r.crawl));
  if (r.adminLists) verdicts.push(adminListVerdict(r.adminLists));
  if (r.adminTags) verdicts.push(adminTagsVerdict(r.adminTags));
  const p95 = r.editor.p95;
  verdicts.push({ target: 'admin save p95 ≤ 200 ms', measured: `p95 ${ms(p95)} (p50 ${ms(r.editor.p50)})`, met: p95 <= 200, why: p95 <= 200 ? undefined : SAVE_WHY });
  if (r.freshness) {
    const f = r.freshness;
    verdicts.push({
      target: `save on one instance → fresh page on another, p95 ≤ 1 s (${f.instances} instances, one Postgres)`,
      measured: `p95 ${ms(f.p95)} (p50 ${ms(f.p50)}, max ${ms(f.max)})`,
      met: f.p95 <= 1_000,
      why: f.p95 <= 1_000 ? undefined : 'The time includes the other instance rendering the page again after hearing the NOTIFY; on a loaded machine that render, not the notification, is what takes long.',
    });
  }
  const attack = r.renderAttack;
  if (attack) {
    const worst = attack.runs.reduce((a, b) => (b.reader.p99 > a.reader.p99 ? b : a));
    const met = worst.reader.p99 < 100;
    verdicts.push({
      target: 'reader p99 < 100 ms on `/` while an editor previews each attack body (issue 11)',
      measured: `worst p99 ${ms(worst.reader.p99)} (${worst.body}); ${ms(attack.baseline.p99)} with no previews`,
      met,
      why: met ? undefined : ATTACK_WHY,
    });
  }
  const w = r.weight;
  verdicts.push({
    target: 'article page JavaScript ≤ 100 KB gzip',
    measured: `${(w.jsGzipBytes / KB).toFixed(1)} KB gzip in ${w.scripts.length} scripts`,
    met: w.jsGzipBytes <= 100 * KB,
    why:
      w.jsGzipBytes <= 100 * KB
        ? undefined
        : `Largest: ${[...w.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 3).map((s) => `${s.src} ${(s.gzipBytes / KB).toFixed(1)} KB`).join(', ')}. Public pages are meant to ship no script (lib/server/public-html.ts); scripts here mean the article was served with Next's runtime, which is React DOM and the App Router (about 140 KB gzip) and cannot be trimmed below 100 KB.`,
  });
  verdicts.push({
    target: 'article HTML ≤ 2× the rendered markup',
    measured: `${(w.htmlBytes / KB).toFixed(1)} KB HTML for ${(w.renderedMarkupBytes / KB).toFixed(1)} KB of markup (×${w.htmlToMarkup.toFixed(2)}; inline scripts ${(w.inlineScriptBytes / KB).toFixed(1)} KB)`,
    met: w.htmlToMarkup <= 2,
    why:
      w.htmlToMarkup <= 2
        ? undefined
        : `Inline scripts are ${pct(w.inlineScriptBytes / w.htmlBytes)} of the HTML. The rest is the page around the article: head metadata (Open Graph, canonical, feed link), header, footer, table of contents, neighbours, related posts and JSON-LD, a fixed ${((w.htmlBytes - w.inlineScriptBytes - w.renderedMarkupBytes) / KB).toFixed(1)} KB that outweighs a short article's own ${(w.renderedMarkupBytes / KB).toFixed(1)} KB. Articles with more markup than that chrome meet it; for short ones it would take dropping the table of contents or the related block, which readers use.`,
  });
  verdicts.push(durationVerdict(r));
  return verdicts;
}

/** Issue 15, target 7: the run itself, build included, under 10 minutes (--quick: 2). */
function durationVerdict(r: BenchResult): Verdict {
  const quick = (r.options as { quick?: boolean }).quick === true;
  const limit = quick ? 120 : 600;
  const build = r.phases.build ?? 0;
  const slowest = Object.entries(r.phases)
    .filter(([name]) => name !== 'build')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(0)} s`)
    .join(', ');
  const met = r.totalSeconds <= limit;
  return {
    target: quick ? '`npm run bench -- --quick` under 2 minutes' : `\`npm run bench -- --size ${r.options.size}\` under 10 minutes`,
    measured: `${r.totalSeconds.toFixed(0)} s, ${build ? `${build.toFixed(0)} s of it building` : 'with the build already current'}; slowest: ${slowest}`,
    met,
    why: met
      ? undefined
      : 'Each phase measures one target, at run lengths chosen so that repeated runs agree (3 s load runs, 2 s a render-attack body, 1,000 articles walked cold at about ten a second here). Under the limit would take a shorter cold walk or fewer load repeats, which the spread across runs on this shared machine argues against.',
  };
}
