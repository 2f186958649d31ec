import type { BenchResult } from './result';

export interface Verdict {
  target: string;
  measured: string;
  met: boolean | null;
  /** Where missed: why, and what it would take. */
  why?: string;
}

const TODO = 'TODO(lead): why, and what it would take.';
const KB = 1024;
const pct = (n: number) => `${(n * 100).toFixed(0)}%`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Each target of issue 5, met or not, with the figure it was judged on. */
export function judge(r: BenchResult): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const name of ['article', 'home', 'tag'] as const) {
    const page = r.load.find((l) => l.page === name)!;
    const p99 = page.app.p99.median;
    const met = page.ratio >= 0.5 && p99 <= 50;
    const headers = Object.entries(page.cacheHeaders).map(([k, v]) => `${k}: ${v}`).join('; ');
    verdicts.push({
      target: `${name}: throughput ≥ 50% of the static limit and p99 ≤ 50 ms at ${r.options.connections} connections`,
      measured: `${pct(page.ratio)} of the limit, p99 ${ms(p99)}`,
      met,
      why: met ? undefined : `Served with \`${headers || 'no caching headers'}\`. ${TODO}`,
    });
  }
  const at = (posts: number) => r.scale.find((s) => s.posts === posts);
  const big = at(100_000);
  const small = at(1_000);
  if (big) {
    const p99 = big.pages.search.p99;
    const query = r.explain.filter((q) => q.pages.some((p) => p.startsWith('/search'))).sort((a, b) => b.durationMs - a.durationMs)[0];
    const fact = query ? `Its slowest query took ${ms(query.durationMs)} at 100k${query.flags.length ? ` (${query.flags.join(', ')})` : ''}. ` : '';
    verdicts.push({ target: 'search: p99 ≤ 150 ms at 100k posts', measured: `p99 ${ms(p99)}`, met: p99 <= 150, why: p99 <= 150 ? undefined : `${fact}${TODO}` });
  }
  if (big && small) {
    const growth = (['article', 'home', 'tag', 'search'] as const).map((p) => ({ p, g: big.pages[p].p50 / Math.max(small.pages[p].p50, 0.001) }));
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
        : `${flagged.length ? `At 100k, ${flagged.length} statements are flagged (§4, EXPLAIN), on ${flaggedPages.join(', ')}; the pages above are cached, so these costs show on cache misses more than in this curve. ` : ''}${TODO}`,
    });
  }
  const i = r.import;
  const label = i.extrapolated ? ` (measured at ${i.posts} posts, extrapolated)` : ` (${i.posts} posts)`;
  verdicts.push({
    target: 'import ≥ 200 posts/s at 10k',
    measured: `${i.importPerSecond.toFixed(0)} posts/s${label}`,
    met: i.importPerSecond >= 200,
    why: i.importPerSecond >= 200 ? undefined : `${i.note ? `${i.note} ` : ''}${TODO}`,
  });
  verdicts.push({
    target: 'unchanged re-import ≥ 2,000 posts/s',
    measured: `${i.reimportPerSecond.toFixed(0)} posts/s${label}`,
    met: i.reimportPerSecond >= 2000,
    why: i.reimportPerSecond >= 2000 ? undefined : `${i.note ? `${i.note} ` : ''}${TODO}`,
  });
  const p95 = r.editor.p95;
  verdicts.push({ target: 'admin save p95 ≤ 200 ms', measured: `p95 ${ms(p95)} (p50 ${ms(r.editor.p50)})`, met: p95 <= 200, why: p95 <= 200 ? undefined : TODO });
  const w = r.weight;
  verdicts.push({
    target: 'article page JavaScript ≤ 100 KB gzip',
    measured: `${(w.jsGzipBytes / KB).toFixed(1)} KB gzip in ${w.scripts.length} scripts`,
    met: w.jsGzipBytes <= 100 * KB,
    why:
      w.jsGzipBytes <= 100 * KB
        ? undefined
        : `Largest: ${[...w.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 3).map((s) => `${s.src} ${(s.gzipBytes / KB).toFixed(1)} KB`).join(', ')}. ${TODO}`,
  });
  verdicts.push({
    target: 'article HTML ≤ 2× the rendered markup',
    measured: `${(w.htmlBytes / KB).toFixed(1)} KB HTML for ${(w.renderedMarkupBytes / KB).toFixed(1)} KB of markup (×${w.htmlToMarkup.toFixed(2)}; inline scripts ${(w.inlineScriptBytes / KB).toFixed(1)} KB)`,
    met: w.htmlToMarkup <= 2,
    why: w.htmlToMarkup <= 2 ? undefined : `Inline scripts (the RSC payload, which repeats the markup) are ${pct(w.inlineScriptBytes / w.htmlBytes)} of the HTML. ${TODO}`,
  });
  return verdicts;
}
