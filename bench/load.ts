import { execFile } from 'node:child_process';
import http from 'node:http';
import { spread, type Spread } from './stats';

/** What a reader's browser sends; the app compresses for it, so the static limit serves the same gzip bytes. */
export const LOAD_HEADERS = { 'accept-encoding': 'gzip' };

export interface LoadRun {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

export interface LoadSummary {
  url: string;
  connections: number;
  seconds: number;
  requestsPerSecond: Spread;
  p50: Spread;
  p99: Spread;
  /** Non-2xx answers plus socket errors and timeouts, summed over the runs. */
  errors: number;
}

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

/** One autocannon run in its own process, so the load generator never shares an event loop with what it measures. */
export function autocannon(url: string, connections: number, seconds: number): Promise<LoadRun> {
  const headers = Object.entries(LOAD_HEADERS).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const args = ['node_modules/autocannon/autocannon.js', '-j', '-c', String(connections), '-d', String(seconds), ...headers, url];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`autocannon failed: ${stderr || error.message}`));
      const r = JSON.parse(stdout) as AutocannonJson;
      const requests = r['2xx'] + r.non2xx;
      resolve({
        requestsPerSecond: requests / seconds,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.non2xx + r.errors + r.timeouts,
        requests,
      });
    });
  });
}

/** Repeated runs of the same load, after a short unrecorded one (the first requests render, cache and JIT the page). */
export async function measureLoad(url: string, options: { connections: number; seconds: number; runs: number }): Promise<LoadSummary> {
  await warm(url);
  await autocannon(url, options.connections, 1);
  const runs: LoadRun[] = [];
  for (let i = 0; i < options.runs; i++) runs.push(await autocannon(url, options.connections, options.seconds));
  return summarise(url, runs, options);
}

/** Two servers under the same load, their runs alternated, each after a short unrecorded one. */
export async function measurePair(appUrl: string, limitUrl: string, options: { connections: number; seconds: number; runs: number }) {
  const app: LoadRun[] = [];
  const limit: LoadRun[] = [];
  for (const url of [appUrl, limitUrl]) {
    await warm(url);
    await autocannon(url, options.connections, 1);
  }
  for (let i = 0; i < options.runs; i++) {
    app.push(await autocannon(appUrl, options.connections, options.seconds));
    limit.push(await autocannon(limitUrl, options.connections, options.seconds));
  }
  return { app: summarise(appUrl, app, options), limit: summarise(limitUrl, limit, options) };
}

function summarise(url: string, runs: LoadRun[], options: { connections: number; seconds: number }): LoadSummary {
  return {
    url,
    connections: options.connections,
    seconds: options.seconds,
    requestsPerSecond: spread(runs.map((r) => r.requestsPerSecond)),
    p50: spread(runs.map((r) => r.p50)),
    p99: spread(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

export interface CapturedResponse {
  path: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The exact bytes and headers the server sends for a GET with the load's headers (no decompression). */
export function capture(origin: string, path: string): Promise<CapturedResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}${path}`, { headers: LOAD_HEADERS }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v;
          resolve({ path, status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** A few requests so the page is rendered and cached before it is measured. */
export async function warm(url: string, times = 5): Promise<void> {
  for (let i = 0; i < times; i++) {
    const response = await fetch(url, { headers: LOAD_HEADERS });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status} while warming`);
  }
}
