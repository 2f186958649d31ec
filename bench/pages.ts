import { capture, measureLoad, measurePair, warm, type CapturedResponse, type LoadSummary } from './load';
import type { AppServer } from './server';
import { startStaticLimit } from './static-limit';
import type { PageName, Targets } from './targets';
import { measureWeight, type Weight } from './weight';

export interface PageLoad {
  page: PageName;
  path: string;
  app: LoadSummary;
  static: LoadSummary;
  /** App throughput over the static-bytes limit's. */
  ratio: number;
  responseBytes: number;
  contentEncoding: string | null;
  /** The app's caching headers for the page (cache-control, x-nextjs-cache …): how it was served. */
  cacheHeaders: Record<string, string>;
}

export interface ScalePage {
  p50: number;
  p99: number;
  p50Spread: [number, number];
  p99Spread: [number, number];
  requestsPerSecond: number;
  errors: number;
}

const SCALE_PAGES: PageName[] = ['article', 'home', 'tag', 'search'];

const scaleOf = (s: LoadSummary): ScalePage => ({
  p50: s.p50.median,
  p99: s.p99.median,
  p50Spread: [s.p50.min, s.p50.max],
  p99Spread: [s.p99.min, s.p99.max],
  requestsPerSecond: s.requestsPerSecond.median,
  errors: s.errors,
});

/**
 * Every public page under load on the app and the same bytes from the static
 * limit, their runs interleaved (app, limit, app, limit …) so that whatever
 * else the machine is doing weighs on both sides of each ratio alike.
 */
export async function measureMainLoad(options: {
  app: AppServer;
  paths: Record<PageName, string>;
  targets: Targets;
  staticPort: number;
  workDir: string;
  connections: number;
  runs: number;
  seconds: number;
}) {
  const entries = Object.entries(options.paths) as [PageName, string][];
  const captured: CapturedResponse[] = [];
  for (const [, path] of entries) {
    await warm(`${options.app.origin}${path}`);
    // Captured from the warm cache: exactly what the load will be served.
    captured.push(await capture(options.app.origin, path));
  }
  const bad = captured.find((c) => c.status !== 200);
  if (bad) throw new Error(`${bad.path} answered ${bad.status}`);
  const staticLimit = await startStaticLimit(captured, options.staticPort, options.workDir);
  const appLoads = new Map<PageName, LoadSummary>();
  const load: PageLoad[] = [];
  try {
    for (const [i, [page, path]] of entries.entries()) {
      const pair = await measurePair(`${options.app.origin}${path}`, `${staticLimit.origin}${path}`, options);
      appLoads.set(page, pair.app);
      load.push({
        page,
        path,
        app: pair.app,
        static: pair.limit,
        ratio: pair.app.requestsPerSecond.median / pair.limit.requestsPerSecond.median,
        responseBytes: captured[i]!.body.length,
        contentEncoding: captured[i]!.headers['content-encoding'] ?? null,
        cacheHeaders: Object.fromEntries(Object.entries(captured[i]!.headers).filter(([k]) => /cache|prerender|^vary$|^etag$/.test(k))),
      });
    }
  } finally {
    staticLimit.stop();
  }
  const weight: Weight = await measureWeight(options.app.origin, options.paths.article, await articleMarkup(options.targets));
  const scalePages = Object.fromEntries(SCALE_PAGES.map((p) => [p, scaleOf(appLoads.get(p)!)])) as Record<PageName, ScalePage>;
  return { load, weight, scalePages };
}

async function articleMarkup(targets: Targets): Promise<string> {
  const { db } = await import('@/lib/db');
  const post = await db.post.findUniqueOrThrow({ where: { id: targets.article.id }, select: { html: true } });
  return post.html;
}

/** The scale-curve pages at the current database size, with shorter runs. */
export async function measureScalePoint(origin: string, paths: Record<PageName, string>, options: { connections: number; runs: number; seconds: number }) {
  const pages: Partial<Record<PageName, ScalePage>> = {};
  for (const page of SCALE_PAGES) pages[page] = scaleOf(await measureLoad(`${origin}${paths[page]}`, options));
  return pages as Record<PageName, ScalePage>;
}
