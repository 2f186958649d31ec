import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BodyFormat } from '@/lib/generated/prisma/enums.ts';
import { RenderError } from './errors';
import { renderBody, type RenderedBody } from './render';
import type { RenderJob } from './render-worker';

type Reply = { id: number; rendered?: RenderedBody; error?: { render: boolean; message: string; line?: number; column?: number } };
type Waiting = Omit<RenderJob, 'id'> & { resolve: (r: RenderedBody) => void; reject: (e: unknown) => void };

export interface RenderPool {
  render(format: BodyFormat, body: string, title: string): Promise<RenderedBody>;
  close(): Promise<void>;
}

/**
 * Renders bodies on worker threads, one per core, so a large import compiles on
 * every core while the main thread writes: same results and errors as renderBody.
 * Workers start on first use. Where they cannot load TypeScript (outside the tsx
 * CLI, e.g. under a test runner) or one dies, rendering happens on this thread.
 * For CLIs only: a bundler (Next) would try to bundle the worker entry.
 */
export function createRenderPool(size = availableParallelism()): RenderPool {
  if (!process.execArgv.some((arg) => /tsx/.test(arg))) return { render: renderBody, close: async () => {} };
  const waiting = new Map<number, Waiting>();
  const load = new Map<Worker, number>();
  let workers: Worker[] | null = null;
  let nextId = 0;
  let broken = false;
  let closing = false;

  const renderHere = (job: Waiting) => renderBody(job.format, job.body, job.title).then(job.resolve, job.reject);
  const fail = () => {
    if (closing) return;
    broken = true;
    for (const job of waiting.values()) void renderHere(job);
    waiting.clear();
  };
  const start = () =>
    Array.from({ length: Math.max(1, size) }, () => {
      // The entry registers tsx's loader, which a worker thread does not inherit.
      const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), {
        execArgv: process.execArgv.filter((arg) => arg.startsWith('--conditions')),
      });
      worker.on('message', ({ id, rendered, error }: Reply) => {
        const job = waiting.get(id);
        waiting.delete(id);
        load.set(worker, load.get(worker)! - 1);
        if (!job) return;
        if (rendered) job.resolve(rendered);
        else if (error?.render) job.reject(Object.assign(new RenderError(error.message), { line: error.line, column: error.column }));
        else job.reject(new Error(error?.message ?? 'render worker failed'));
      });
      worker.on('error', fail);
      worker.on('exit', fail);
      load.set(worker, 0);
      return worker;
    });

  return {
    render(format, body, title) {
      if (broken) return renderBody(format, body, title);
      workers ??= start();
      const worker = workers.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a));
      load.set(worker, load.get(worker)! + 1);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { format, body, title, resolve, reject });
        worker.postMessage({ id, format, body, title } satisfies RenderJob);
      });
    },
    close: async () => {
      closing = true;
      await Promise.all((workers ?? []).map((w) => w.terminate()));
    },
  };
}
