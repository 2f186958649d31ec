import { parentPort } from 'node:worker_threads';
import type { BodyFormat } from '@/lib/generated/prisma/enums.ts';
import { diffBody } from '@/lib/revisions/diff';
import { RenderError } from './errors';
import { assertRenderable } from './guards';
import { segmentForIndex } from '@/lib/words/segment';
import { renderBody } from './render';

/** What the pool asks a worker for (lib/render/pool.ts). */
export type WorkerJob =
  | { kind: 'render'; format: BodyFormat; body: string; title: string; segment?: boolean }
  | { kind: 'diff'; before: string; after: string; words: boolean };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: { render: boolean; message: string; line?: number; column?: number } };

async function run(job: WorkerJob): Promise<unknown> {
  if (job.kind === 'diff') return diffBody(job.before, job.after, { words: job.words });
  // The linear pre-checks run here too, off the main thread: a 5 MB scan takes a moment.
  assertRenderable(job.format, job.body);
  const rendered = await renderBody(job.format, job.body, job.title);
  // Segmenting for search is a fifth of an import's work: done here too, not on the thread that writes.
  return job.segment ? { ...rendered, searchWords: segmentForIndex(rendered.text) } : rendered;
}

const port = parentPort!;
port.on('message', async ({ id, job }: { id: number; job: WorkerJob }) => {
  try {
    port.postMessage({ type: 'done', id, value: await run(job) } satisfies WorkerReply);
  } catch (error) {
    const e = error as RenderError;
    const failure = { render: error instanceof RenderError, message: e?.message ?? String(error), line: e?.line, column: e?.column };
    port.postMessage({ type: 'failed', id, error: failure } satisfies WorkerReply);
  }
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);
