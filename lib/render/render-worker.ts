import { parentPort } from 'node:worker_threads';
import type { BodyFormat } from '@/lib/generated/prisma/enums.ts';
import { diffBody } from '@/lib/revisions/diff';
import { RenderError } from './errors';
import { assertRenderable } from './guards';
import { renderBody } from './render';

/** What the pool asks a worker for (lib/render/pool.ts). */
export type WorkerJob =
  | { kind: 'render'; format: BodyFormat; body: string; title: string }
  | { kind: 'diff'; before: string; after: string; words: boolean };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: { render: boolean; message: string; line?: number; column?: number } };

function run(job: WorkerJob): Promise<unknown> | unknown {
  if (job.kind === 'diff') return diffBody(job.before, job.after, { words: job.words });
  // The linear pre-checks run here too, off the main thread: a 5 MB scan takes a moment.
  assertRenderable(job.format, job.body);
  return renderBody(job.format, job.body, job.title);
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
