import { availableParallelism } from 'node:os';
import type { BodyFormat } from '@/lib/generated/prisma/enums.ts';
import type { DiffRow } from '@/lib/revisions/diff';
import { assertSize } from './guards';
import { createWorkerPool, type WorkerPool, type WorkerPoolOptions } from './pool';
import type { RenderedBody } from './render';

/**
 * Time a compile may take: 10 s, plus 20 s per MB of body (a real 5 MB body takes
 * about 20 s on one busy core). A body that needs more is refused as too complex.
 */
export function renderBudgetMs(length: number): number {
  return 10_000 + Math.round((20_000 * length) / 1_000_000);
}

/** Word-level diffs of two revisions get this long; past it, or past DIFF_WORD_LIMIT, lines only. */
export const DIFF_BUDGET_MS = 5_000;
export const DIFF_LINES_BUDGET_MS = 15_000;
/** Characters of both revisions together above which the diff is by line only. */
export const DIFF_WORD_LIMIT = 2_000_000;
export const WORKER_MEMORY_MB = 1024;

export interface RenderPool {
  /** Compiles a body off the main thread within its budget; RenderError (BudgetError) when it cannot. */
  /** `segment`: also segment the text for the search index (RenderedBody.searchWords), on the worker. */
  render(format: BodyFormat, body: string, title?: string, options?: { interactive?: boolean; segment?: boolean }): Promise<RenderedBody>;
  /** Diffs two bodies off the main thread within `budgetMs`, word by word or (words false) by line. */
  diff(before: string, after: string, options: { words: boolean; budgetMs: number }): Promise<DiffRow[]>;
  close(): Promise<void>;
}

const seconds = (ms: number) => Math.ceil(ms / 1000);

export type RenderPoolOptions = Partial<WorkerPoolOptions> & { budgetMs?: (length: number) => number };

/** A render pool of `size` workers (the CLI's import uses one per core). */
export function createRenderPool({ budgetMs: budgetOf = renderBudgetMs, ...options }: RenderPoolOptions = {}): RenderPool {
  const pool: WorkerPool = createWorkerPool({ size: 1, memoryMb: WORKER_MEMORY_MB, ...options });
  const memoryMb = options.memoryMb ?? WORKER_MEMORY_MB;
  return {
    async render(format, body, title = '', { interactive = true, segment = false } = {}) {
      // The other pre-checks (lib/render/guards.ts) run on the worker, before it parses.
      assertSize(body);
      const budgetMs = budgetOf(body.length);
      return pool.run<RenderedBody>(
        { kind: 'render', format, body, title, segment },
        {
          budgetMs,
          interactive,
          messages: {
            time: `正文过于复杂，渲染超过 ${seconds(budgetMs)} 秒，已停止`,
            memory: `正文过于复杂，渲染所需内存超过 ${memoryMb} MB，已停止`,
          },
        },
      );
    },
    diff(before, after, { words, budgetMs }) {
      return pool.run<DiffRow[]>(
        { kind: 'diff', before, after, words },
        {
          budgetMs,
          interactive: true,
          messages: { time: `两个版本差异过于复杂，比较超过 ${seconds(budgetMs)} 秒`, memory: `两个版本差异过于复杂，比较所需内存超过 ${memoryMb} MB` },
        },
      );
    },
    close: () => pool.close(),
  };
}

/** One or two workers: on a small machine the main thread keeps a core for readers. */
export const SERVER_RENDER_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));

const shared = globalThis as typeof globalThis & { inkwellRenderPool?: RenderPool };

/** The process's pool (previews, saves, admin imports, diffs, the scheduler), started on first use. */
export function sharedRenderPool(): RenderPool {
  return (shared.inkwellRenderPool ??= createRenderPool({ size: SERVER_RENDER_WORKERS }));
}

/** Stops the process's pool; the next use starts a new one. */
export async function closeSharedRenderPool(): Promise<void> {
  const pool = shared.inkwellRenderPool;
  shared.inkwellRenderPool = undefined;
  await pool?.close();
}

/** renderBody's result, computed on the shared pool under the guards and the time and memory budget. */
export function renderWithBudget(format: BodyFormat, body: string, title = '', options?: { interactive?: boolean; segment?: boolean }): Promise<RenderedBody> {
  return sharedRenderPool().render(format, body, title, options);
}
