import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BodyFormat } from '@/lib/generated/prisma/enums.ts';
import { RenderError } from './errors';
import { renderBody, type RenderedBody } from './render';
import type { RenderJob } from './render-worker';

type Reply = {
  id: number;
  rendered?: RenderedBody;
  error?: { render: boolean; message: string; line?: number; column?: number };
};

export interface RenderPool {
  render(format: BodyFormat, body: string, title: string): Promise<RenderedBody>;
  close(): Promise<void>;
}

/**
 * Renders bodies on worker threads, one per core, so a large import compiles on
 * every core while the main thread writes. Same results and errors as renderBody.
 * Workers load TypeScript through the tsx loader the CLI runs under; where that is
 * missing (a test runner), rendering stays on this thread.
 */
export function createRenderPool(size = availableParallelism()): RenderPool {
  const usable = process.execArgv.some((arg) => /tsx/.test(arg));
  if (!usable) return { render: renderBody, close: async () => {} };
  const waiting = new Map<
    number,
    { resolve: (r: RenderedBody) => void; reject: (e: unknown) => void }
  >();
  const load = new Map<Worker, number>();
  let nextId = 0;
  let broken = false;
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), {
      execArgv: process.execArgv,
    });
    worker.on('message', ({ id, rendered, error }: Reply) => {
      const job = waiting.get(id);
      waiting.delete(id);
      load.set(worker, load.get(worker)! - 1);
      if (!job) return;
      if (rendered) job.resolve(rendered);
      else if (error?.render)
        job.reject(
          Object.assign(new RenderError(error.message), { line: error.line, column: error.column }),
        );
      else job.reject(new Error(error?.message ?? 'render worker failed'));
    });
    // A worker that dies fails its jobs (each is then reported), and the rest render here.
    worker.on('error', (error) => {
      broken = true;
      for (const job of waiting.values()) job.reject(error);
      waiting.clear();
    });
    worker.unref();
    load.set(worker, 0);
    return worker;
  });
  return {
    render(format, body, title) {
      if (broken) return renderBody(format, body, title);
      const worker = workers.reduce((a, b) => (load.get(b)! < load.get(a)! ? b : a));
      load.set(worker, load.get(worker)! + 1);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, format, body, title } satisfies RenderJob);
      });
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
