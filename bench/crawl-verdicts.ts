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
      why: warmMet ? undefined : 'Pages the response cache did not hold went through Next again: its entries live 60 s (the bound on staleness should an instance miss an expiry), so a cold walk longer than that leaves the warm walk to Next\'s route cache, whose 50 MB (counted at two bytes a Chinese character) holds about 500 articles.',
    },
    {
      target: 'one instance\'s RSS after the crawl ≤ 500 MB',
      measured: `${(c.rssAfterBytes / MB).toFixed(0)} MB after walking ${cold.pages} articles twice`,
      met: rssMet,
      why: rssMet
        ? undefined
        : 'Measured as the resident memory of the server\'s process tree (one Node process since npm start no longer runs under tsx\'s CLI). A heap snapshot after a 1,000-article walk finds about 220 MB live on the main thread: 120 MB of strings (Next\'s route cache: pages, now counted at two bytes a Chinese character), 40 MB of data-cache bytes, 26 MB of code. The rest was V8 growing the heap up to four times what a collection left live while pages render; `--heap-growing-percent=20` in npm start (scripts/production-command.ts) holds it to a fifth, which took this walk from about 910 MB to about 530 MB for about a fifth more CPU per cold render (130 ms per article against 108 ms without it, on this machine, idle). The rest is three more isolates (the web server\'s thread, tsx\'s loader, the render worker) and the at-rest footprint of Next\'s server (about 400 MB before any page). Under 500 MB would take a smaller route cache (the response cache in front of it already holds finished pages) or moving the web server\'s thread and the loader out of the process.',
    },
  ];
}
