import type { CrawlResult } from './crawl';
import type { Verdict } from './verdicts';

const MB = 1024 * 1024;
const COLD_WHY =
  'A cold article goes through Next: its cached reads (post, neighbours, related posts, the site chrome) each serialised into and out of the data cache, the React Server Components render, the HTML render of that payload, then the web server\'s removal of the framework\'s scripts. A CPU profile of the walk (node --cpu-prof through `startApp`\'s nodeArgs) puts about two thirds of the server\'s time in Next and React (web streams, AsyncLocalStorage hooks and abort signals included), a tenth in garbage collection, a twentieth in Prisma and pg; the script removal, once a fifth, is now a tokenizing pass of about a millisecond (lib/server/public-html.ts). Ten milliseconds is below what one App Router render of this page costs on these cores; meeting it would take serving articles outside Next\'s per-request render (a page assembled from parts rendered at save time), which the project\'s rule that public pages are rendered by server components rules out, or more cores: renders spread over instances, and Postgres\'s share per page is small.';

/** Issue 15, target 2 (and 5 at this size): a crawler's walk, cold then warm, and the memory it leaves. */
export function crawlVerdicts(c: CrawlResult): Verdict[] {
  const cold = c.cold;
  const coldMet = cold.pagesPerSecond >= 150 && cold.p99 <= 200 && cold.errors === 0;
  const cpuMet = cold.serverCpuMsPerPage <= 10;
  const warmMet = c.warm.hits === c.warm.pages && c.warm.errors === 0;
  const rssMet = c.rssAfterBytes <= 500 * MB;
  return [
    {
      target: `crawl, caches cold: every article once at ${c.connections} connections, ≥ 150 pages/s with p99 ≤ 200 ms`,
      measured: `${cold.pagesPerSecond} pages/s, p99 ${cold.p99.toFixed(0)} ms over ${cold.pages} of ${c.articles} articles${cold.errors ? `, ${cold.errors} errors` : ''}`,
      met: coldMet,
      why: coldMet ? undefined : COLD_WHY,
    },
    {
      target: 'server CPU per cold article render ≤ 10 ms',
      measured: `${cold.serverCpuMsPerPage.toFixed(1)} ms (Postgres ${cold.postgresCpuMsPerPage.toFixed(1)} ms)`,
      met: cpuMet,
      why: cpuMet ? undefined : COLD_WHY,
    },
    {
      target: 'the same walk warm: every article from the response cache',
      measured: `${c.warm.pagesPerSecond} pages/s, p99 ${c.warm.p99.toFixed(0)} ms, ${c.warm.hits} of ${c.warm.pages} from the cache`,
      met: warmMet,
      why: warmMet ? undefined : 'Pages the response cache did not hold (its byte limit, or its time to live) went through Next again.',
    },
    {
      target: 'one instance\'s RSS after the crawl ≤ 500 MB',
      measured: `${(c.rssAfterBytes / MB).toFixed(0)} MB after walking ${cold.pages} articles twice`,
      met: rssMet,
      why: rssMet
        ? undefined
        : 'Measured as the resident memory of the whole process tree: the main thread (Next, the data and route caches, about 50 MB each by their own estimate), the web server\'s thread with its 128 MB response cache, and the loader threads tsx starts; the server is already near 460 MB at rest, and V8 keeps the heap it grew during the cold walk. Meeting it would take a heap breakdown per thread first, then storing only compressed bodies in the response cache and smaller data caches.',
    },
  ];
}
