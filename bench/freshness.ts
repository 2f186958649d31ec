import { measureSaves } from './editor';
import { startApp, type AppServer } from './server';
import { percentile } from './stats';

export interface FreshnessResult {
  instances: number;
  saves: number;
  /** From the save's answer on the editor's instance until another has sent a page with the new text (its render included). */
  p50: number;
  p95: number;
  max: number;
  samplesMs: number[];
}

const TIMEOUT_MS = 10_000;

async function cached(origin: string, pathname: string): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`${origin}${pathname}`);
    await response.arrayBuffer();
    if (response.headers.get('x-cache') === 'HIT') return;
  }
  throw new Error(`${origin}${pathname} is not cached after 5 requests`);
}

/** Requests the page back to back until it holds `marker`; the time from `since` until that page has arrived. */
async function freshAfter(origin: string, pathname: string, marker: string, since: number): Promise<number> {
  for (;;) {
    const html = await (await fetch(`${origin}${pathname}`)).text();
    const now = performance.now();
    if (html.includes(marker)) return now - since;
    if (now - since > TIMEOUT_MS) throw new Error(`${origin}${pathname} still stale ${TIMEOUT_MS} ms after the save`);
  }
}

/**
 * Three instances on one Postgres and nothing else shared: the app under test and
 * two more production servers on the same database. Saves go through the
 * editor's server action on the first; the article, cached on the others before
 * each save, is requested there back to back until it shows the save.
 */
export async function measureFreshness(options: {
  app: AppServer;
  databaseUrl: string;
  ports: [number, number];
  postId: number;
  saves: number;
}): Promise<FreshnessResult> {
  const { getPostForEdit } = await import('@/lib/posts/admin-queries');
  const { formValuesOf } = await import('@/lib/posts/form-values');
  const { snapshotOfPost } = await import('@/lib/posts/snapshot');
  const others = await Promise.all(options.ports.map((port) => startApp({ port, databaseUrl: options.databaseUrl })));
  try {
    const post = await getPostForEdit(options.postId);
    if (!post) throw new Error(`post #${options.postId} is gone`);
    const pathname = `/posts/${encodeURIComponent(post.slug)}`;
    const samples: number[] = [];
    await measureSaves({
      origin: options.app.origin,
      postId: post.id,
      form: formValuesOf(snapshotOfPost(post)) as Record<string, string>,
      version: post.version,
      saves: options.saves,
      warmup: 1,
      beforeSave: async () => {
        await Promise.all(others.map((other) => cached(other.origin, pathname)));
      },
      afterSave: async (marker) => {
        const savedAt = performance.now();
        samples.push(...(await Promise.all(others.map((other) => freshAfter(other.origin, pathname, marker, savedAt)))));
      },
    });
    return {
      instances: 1 + others.length,
      saves: options.saves,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      max: Math.max(...samples),
      samplesMs: samples.map((s) => Math.round(s * 10) / 10),
    };
  } finally {
    await Promise.all(others.map((other) => other.stop()));
  }
}
