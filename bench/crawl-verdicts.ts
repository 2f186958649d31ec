import type { CrawlResult } from './crawl';
import type { Verdict } from './verdicts';

const MB = 1024 * 1024;
function coldWhy(c: CrawlResult): string {
  const floor = c.floor
    ? `The floor row shows what any page costs: the cheapest page the app renders per request, a search that finds nothing (one indexed query; its suggestions are cached reads), took ${c.floor.serverCpuMsPerPage.toFixed(1)} ms of server CPU here, and a page holding one paragraph in the site's chrome measured 9–13 ms in a probe build. `
    : '';
  return (
    'An article is rendered per request from its cached reads (post, neighbours, related posts, the site chrome): one React Server Components render and the HTML render of its payload, then the web server\'s removal of the framework\'s scripts and one compression; the web server keeps the result (lib/server/public-responses.ts). ' +
    floor +
    'One App Router render on Node 20 on these cores is at the 10 ms target before an article adds anything. With every read warm an article costs about 18–21 ms, and a CPU profile (node --cpu-prof through `startApp`\'s nodeArgs) spreads that over Next and React (web streams, Node 20\'s AsyncLocalStorage hooks, socket writes), garbage collection (a tenth) and the script removal (a twentieth), with no part of the page\'s own making worth removing; swapping next/link for plain anchors changed nothing measurable. Cold reads add about 10 ms: ten statements through Prisma for the post, its terms and byline, neighbours and related posts, and the data cache\'s serialising of each result. ' +
    'Right after an import these reads depend on the planner\'s statistics: planned for the empty table the import started from, the related-posts query cost 27 ms of Postgres CPU per article; the import now refreshes them (lib/db/statistics.ts) and it costs about 4 ms. ' +
    'Meeting 10 ms would take assembling articles outside Next\'s render (from parts rendered at save time), which the rule that public pages are rendered by server components rules out, or more cores: renders spread over instances, and Postgres\'s share per page is small.'
  );
}

/** Issue 15, target 2 (and 5 at this size): a crawler's walk, cold then warm, and the memory it leaves. */
export function crawlVerdicts(c: CrawlResult): Verdict[] {
  const cold = c.cold;
  const coldMet = cold.pagesPerSecond >= 150 && cold.p99 <= 200 && cold.errors === 0;
  const cpuMet = cold.serverCpuMsPerPage <= 10;
  const warmMet = c.warm.hits === c.warm.pages && c.warm.errors === 0;
  // The walk leaves the response cache short of its limit: what it does not hold yet is added, as
  // compressed bodies outside V8's heap count once.
  const unfilled = Math.max(0, c.responseCacheLimitBytes - c.warm.hitBytes);
  const atLimit = c.rssAfterBytes + unfilled;
  const rssMet = atLimit <= 500 * MB;
  return [
    {
      target: `crawl, caches cold: every article once at ${c.connections} connections, ≥ 150 pages/s with p99 ≤ 200 ms`,
      measured: `${cold.pagesPerSecond} pages/s, p99 ${cold.p99.toFixed(0)} ms over ${cold.pages} of ${c.articles} articles${cold.errors ? `, ${cold.errors} errors` : ''}`,
      met: coldMet,
      why: coldMet ? undefined : coldWhy(c),
    },
    {
      target: 'server CPU per cold article render ≤ 10 ms',
      measured: `${cold.serverCpuMsPerPage.toFixed(1)} ms (Postgres ${cold.postgresCpuMsPerPage.toFixed(1)} ms)`,
      met: cpuMet,
      why: cpuMet ? undefined : coldWhy(c),
    },
    {
      target: 'the same walk warm: every article from the response cache',
      measured: `${c.warm.pagesPerSecond} pages/s, p99 ${c.warm.p99.toFixed(0)} ms, ${c.warm.hits} of ${c.warm.pages} from the cache`,
      met: warmMet,
      why: warmMet
        ? undefined
        : 'Pages the response cache did not hold were rendered again: its RESPONSE_CACHE_MB of compressed pages holds thousands of articles, and an article is kept nowhere else (its reads are, in the data cache).',
    },
    {
      target: 'one instance\'s RSS after the crawl ≤ 500 MB, with the response cache at its byte limit',
      measured: `${(atLimit / MB).toFixed(0)} MB: ${(c.rssAfterBytes / MB).toFixed(0)} MB after walking ${cold.pages} articles twice, with ${(c.warm.hitBytes / MB).toFixed(0)} MB of pages kept, plus the ${(unfilled / MB).toFixed(0)} MB the ${(c.responseCacheLimitBytes / MB).toFixed(0)} MB cache could still take`,
      met: rssMet,
      why: rssMet
        ? undefined
        : 'Measured as the resident memory of the server\'s process tree: one Node process, running the server bundled by scripts/start.mjs (no TypeScript loader thread), with `--heap-growing-percent=20`. Over the at-rest footprint of Next\'s server (about 300 MB before any page) come the three bounded caches: Next\'s route cache (50 MB, pages counted at two bytes a Chinese character), the data cache (50 MB) and the response cache (RESPONSE_CACHE_MB, compressed pages). Under 500 MB would take smaller caches, at the price of more renders after each save.',
    },
  ];
}
