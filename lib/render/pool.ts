import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { RenderError } from './errors';
import type { WorkerJob, WorkerReply } from './render-worker';

/** A job stopped because it ran out of time or memory: what it was given is too complex. */
export class BudgetError extends RenderError {
  override name = 'BudgetError';
  constructor(
    message: string,
    readonly limit: 'time' | 'memory',
  ) {
    super(message);
  }
}

export interface JobOptions {
  /** Wall-clock milliseconds the job may run once a worker has taken it. */
  budgetMs: number;
  /** The errors to give when it runs out of time or memory. */
  messages: { time: string; memory: string };
  /** Editors waiting on it go ahead of batch work (imports). */
  interactive?: boolean;
}

export interface WorkerPool {
  run<T>(job: WorkerJob, options: JobOptions): Promise<T>;
  close(): Promise<void>;
}

export interface WorkerPoolOptions {
  size: number;
  /** Old-generation heap of each worker: past it the worker dies and the job fails. */
  memoryMb: number;
  /** The worker's entry file; by default npm start's bundled worker (scripts/start.mjs), else lib/render/render-worker.mjs under the working directory. */
  entry?: string;
}

interface Task {
  job: WorkerJob;
  options: JobOptions;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task?: Task;
  id?: number;
  timer?: NodeJS.Timeout;
}

/**
 * Worker threads that compile bodies and diff revisions off the main thread, with
 * a queue: a job that outlives its budget has its worker terminated (and replaced)
 * and fails with a BudgetError, so no body can hold up the thread serving pages.
 * Workers start as work arrives and stay, unreferenced while idle.
 */
export function createWorkerPool({ size, memoryMb, entry }: WorkerPoolOptions): WorkerPool {
  // A path read at run time: outside npm start the worker is plain Node, loading the TypeScript pipeline through tsx.
  const file = entry ?? process.env.INKWELL_RENDER_WORKER ?? path.join(process.cwd(), 'lib', 'render', 'render-worker.mjs');
  const slots: Slot[] = [];
  const urgent: Task[] = [];
  const batch: Task[] = [];
  let nextId = 0;
  let closed = false;

  const take = (slot: Slot) => {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = slot.timer = undefined;
    return task;
  };
  const drop = (slot: Slot) => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    return index >= 0;
  };

  function spawn(): void {
    // Through Reflect, so Next's bundler does not take the entry for a worker to bundle (it would
    // bundle every file of the project under it): the worker is plain Node, started by path.
    const worker: Worker = Reflect.construct(Worker, [file, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: memoryMb } }]);
    const slot: Slot = { worker, ready: false };
    let failure: (Error & { code?: string }) | undefined;
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') slot.ready = true;
      else if (reply.id === slot.id) {
        const task = take(slot);
        if (reply.type === 'done') task?.resolve(reply.value);
        else if (reply.error.render) task?.reject(Object.assign(new RenderError(reply.error.message), { line: reply.error.line, column: reply.error.column }));
        else task?.reject(new Error(reply.error.message));
      }
      pump();
    });
    worker.on('error', (error) => (failure = error));
    worker.on('exit', () => {
      // Not ours any more: terminated after its budget, or the pool closed.
      if (!drop(slot)) return;
      const task = take(slot);
      const outOfMemory = failure?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      task?.reject(outOfMemory ? new BudgetError(task.options.messages.memory, 'memory') : new Error(`render worker stopped: ${failure?.message ?? 'it exited'}`));
      if (slot.ready) spawn();
      else if (!slots.some((s) => s.ready)) {
        // It could not even start: fail what waits rather than respawn in a loop.
        const error = new Error(`render worker could not start: ${failure?.message ?? 'it exited'}`);
        for (const waiting of [...urgent.splice(0), ...batch.splice(0)]) waiting.reject(error);
      }
      pump();
    });
    slots.push(slot);
  }

  function dispatch(slot: Slot, task: Task): void {
    slot.task = task;
    slot.id = nextId++;
    slot.timer = setTimeout(() => {
      take(slot);
      drop(slot);
      void slot.worker.terminate();
      task.reject(new BudgetError(task.options.messages.time, 'time'));
      // Replaced at once, so the next editor does not wait for a worker to start.
      spawn();
      pump();
    }, task.options.budgetMs);
    slot.worker.postMessage({ id: slot.id, job: task.job });
  }

  function pump(): void {
    if (closed) return;
    const waiting = () => urgent.length + batch.length;
    while (waiting() > 0 && slots.length < size) spawn();
    for (const slot of slots) {
      if (!slot.ready || slot.task) continue;
      const task = urgent.shift() ?? batch.shift();
      if (!task) break;
      dispatch(slot, task);
    }
    // An idle worker must not keep a CLI or a test alive; a busy or awaited one must.
    for (const slot of slots) {
      if (slot.task || waiting() > 0) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  return {
    run<T>(job: WorkerJob, options: JobOptions): Promise<T> {
      if (closed) return Promise.reject(new Error('the render pool is closed'));
      return new Promise<T>((resolve, reject) => {
        (options.interactive ? urgent : batch).push({ job, options, resolve: resolve as (value: unknown) => void, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const error = new Error('the render pool is closed');
      for (const task of [...urgent.splice(0), ...batch.splice(0), ...slots.map(take)]) task?.reject(error);
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}
