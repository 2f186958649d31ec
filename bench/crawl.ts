// A search engine's walk: every public article requested once, caches cold, then the same walk warm.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Agent, request } from 'undici';
import { readEnv } from '@/lib/env';
import { LOAD_HEADERS } from './load';
import type { BenchDatabase } from './postgres';
import type { AppServer } from './server';
import { percentile } from './stats';

export interface CrawlPass {
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  p50: number;
  p99: number;
  /** Answers other than 200. */
  errors: number;
  /** Answers the response cache gave (x-cache: HIT). */
  hits: number;
  /** Bytes of those answers as sent (gzip): what the response cache holds for them. */
  hitBytes: number;
  /** CPU the app's process tree spent per page, in ms (user + system). */
  serverCpuMsPerPage: number;
  /** CPU Postgres spent per page, in ms: it shares the two cores. */
  postgresCpuMsPerPage: number;
}

export interface CrawlResult {
  connections: number;
  /** Public articles in the corpus; the walk takes `cold.pages` of them (all, unless limited). */
  articles: number;
  cold: CrawlPass;
  warm: CrawlPass;
  /**
   * The cheapest page the app renders per request, for comparison: searches that find nothing
   * (one indexed query each; the suggestions beside them are cached reads), each query new.
   */
  floor?: CrawlPass;
  /** The app's resident memory after both walks. */
  rssAfterBytes: number;
  /** The response cache's byte limit (RESPONSE_CACHE_MB, as npm start reads it). */
  responseCacheLimitBytes: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux.

/** utime + stime of a process, and of its reaped children when asked (Postgres backends that ended). */
function cpuTicks(pid: number, withChildren: boolean): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // Fields 14–17 of stat: utime, stime, cutime, cstime (counted from 3 here, after the name).
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [number, number, number, number];
    return utime + stime + (withChildren ? cutime + cstime : 0);
  } catch {
    return 0;
  }
}

function treeCpuMs(root: number): number {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Ended while we looked.
    }
  }
  let ticks = 0;
  const visit = (pid: number, top: boolean) => {
    ticks += cpuTicks(pid, top);
    for (const child of parents.get(pid) ?? []) visit(child, false);
  };
  visit(root, true);
  return ticks * TICK_MS;
}

async function walk(origin: string, paths: string[], connections: number, cpu: { app: () => number; postgres: () => number }): Promise<CrawlPass> {
  const dispatcher = new Agent({ connections, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  let hits = 0;
  let hitBytes = 0;
  let next = 0;
  const [appBefore, pgBefore] = [cpu.app(), cpu.postgres()];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < paths.length) {
        const url = `${origin}${paths[next++]!}`;
        const sent = performance.now();
        const response = await request(url, { dispatcher, headers: LOAD_HEADERS });
        const bytes = (await response.body.arrayBuffer()).byteLength;
        latencies.push(performance.now() - sent);
        if (response.statusCode !== 200) errors++;
        if (response.headers['x-cache'] === 'HIT') {
          hits++;
          hitBytes += bytes;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await dispatcher.close();
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    pages: paths.length,
    seconds: round(seconds),
    pagesPerSecond: Math.round(paths.length / seconds),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    errors,
    hits,
    hitBytes,
    serverCpuMsPerPage: round((cpu.app() - appBefore) / paths.length),
    postgresCpuMsPerPage: round((cpu.postgres() - pgBefore) / paths.length),
  };
}

/** Every public article's path, in an order unrelated to the lists (as a crawler reading the sitemap). */
async function articlePaths(database: BenchDatabase): Promise<string[]> {
  const rows = await database.query<{ slug: string }>(
    `SELECT slug FROM posts WHERE status = 'published' AND deleted_at IS NULL AND published_at <= now() ORDER BY md5(slug)`,
  );
  return rows.map((row) => `/posts/${encodeURIComponent(row.slug)}`);
}

const FLOOR_PAGES = 300;

export async function measureCrawl(options: { app: AppServer; database: BenchDatabase; postgresDir: string; connections?: number; limit?: number }): Promise<CrawlResult> {
  const { app, database } = options;
  const connections = options.connections ?? 8;
  const postmaster = Number(readFileSync(path.join(options.postgresDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const cpu = { app: () => treeCpuMs(app.pid), postgres: () => treeCpuMs(postmaster) };
  const all = await articlePaths(database);
  // Ordered by a hash of the slug: a limited walk is a fair sample of the corpus.
  const paths = all.slice(0, options.limit ?? all.length);
  // Cold: every page and data cache entry expired, as after an edit to the site's chrome.
  await app.revalidateSite();
  const cold = await walk(app.origin, paths, connections, cpu);
  const warm = await walk(app.origin, paths, connections, cpu);
  const rssAfterBytes = app.rss();
  const fruitless = Array.from({ length: Math.min(paths.length, FLOOR_PAGES) }, (_, i) => `/search?q=${encodeURIComponent(`无此词 zq${i}x`)}`);
  const floor = await walk(app.origin, fruitless, connections, cpu);
  return { connections, articles: all.length, cold, warm, floor, rssAfterBytes, responseCacheLimitBytes: readEnv().RESPONSE_CACHE_MB * 1024 * 1024 };
}
