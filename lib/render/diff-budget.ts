import { DIFF_BUDGET_MS, DIFF_LINES_BUDGET_MS, DIFF_WORD_LIMIT, sharedRenderPool, type RenderPool } from './budget';
import { BudgetError } from './pool';
import type { DiffRow } from '@/lib/revisions/diff';

export interface BoundedDiff {
  rows: DiffRow[];
  /** Set when the diff is coarser than usual (lines only) or could not be made. */
  note?: string;
}

export interface DiffBudgetOptions {
  pool?: RenderPool;
  /** Time for the word-level diff, then for the line-only one. */
  wordsMs?: number;
  linesMs?: number;
}

/**
 * diffBody on a worker, within a budget: word by word when the revisions are
 * small enough and it finishes in time, otherwise by line only, with a note
 * saying so; if even that runs out of time, no rows and a note.
 */
export async function diffBodyWithBudget(before: string, after: string, options: DiffBudgetOptions = {}): Promise<BoundedDiff> {
  const { pool = sharedRenderPool(), wordsMs = DIFF_BUDGET_MS, linesMs = DIFF_LINES_BUDGET_MS } = options;
  if (before.length + after.length <= DIFF_WORD_LIMIT) {
    try {
      return { rows: await pool.diff(before, after, { words: true, budgetMs: wordsMs }) };
    } catch (error) {
      if (!(error instanceof BudgetError)) throw error;
    }
  }
  const coarse = '两个版本太大或改动太多，只按行比较，未标出行内改动。';
  try {
    return { rows: await pool.diff(before, after, { words: false, budgetMs: linesMs }), note: coarse };
  } catch (error) {
    if (!(error instanceof BudgetError)) throw error;
    return { rows: [], note: `${error.message}，无法显示逐行差异。` };
  }
}
