import { readdir, readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshotFromFrontMatter } from '@/lib/content/front-matter';
import { parsePostFile } from '@/lib/content/parse';
import { diffBodyWithBudget } from '@/lib/render/diff-budget';
import { PATHOLOGICAL } from '@/test/fixtures/pathological-bodies';
import { createRenderPool, DIFF_BUDGET_MS, DIFF_LINES_BUDGET_MS } from './budget';
import { BudgetError } from './pool';
import { renderBody } from './render';

const pool = createRenderPool({ size: 1 });
afterAll(() => pool.close());

/** Runs `work` while a 20 ms interval ticks on this thread; the longest gap between ticks says whether it was blocked. */
async function whileTicking<T>(work: () => Promise<T>): Promise<{ result: T; longestGap: number; elapsed: number }> {
  let last = performance.now();
  let longestGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    return { result, longestGap: Math.max(longestGap, performance.now() - last), elapsed: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

const paragraph = (i: number) => `第 ${i} 段：检索增强生成把**外部知识**接入大模型，见 [文档](https://example.com/${i})。`;

describe('the render pool', () => {
  it.each(PATHOLOGICAL)('refuses %s, naming what is too complex', async (_name, format, body, message) => {
    await expect(pool.render(format, body, '')).rejects.toThrow(message);
  });

  it('renders every sample post exactly as renderBody does on this thread', async () => {
    const files = (await readdir('content')).filter((f) => f !== 'README.md');
    for (const file of files) {
      const snapshot = snapshotFromFrontMatter({ fileName: file, ...parsePostFile(file, await readFile(`content/${file}`)) });
      const inWorker = await pool.render(snapshot.format, snapshot.body, snapshot.title);
      expect(inWorker, file).toEqual(await renderBody(snapshot.format, snapshot.body, snapshot.title));
    }
  });

  it('keeps the error and line of a body that cannot be published', async () => {
    const error = await pool.render('mdx', '正文\n\n{process.exit()}', '').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RenderError', line: 3 });
    expect(String(error)).toMatch(/JavaScript 表达式/);
  });

  it('leaves this thread free while a worker compiles', async () => {
    const body = Array.from({ length: 3_000 }, (_, i) => paragraph(i)).join('\n\n');
    const { result, longestGap, elapsed } = await whileTicking(() => pool.render('markdown', body, ''));
    expect(result.html).toContain('<strong>外部知识</strong>');
    // The compile takes seconds; this thread never stops for long (compiled here, the gap would be all of it).
    expect(elapsed).toBeGreaterThan(4 * longestGap);
    expect(longestGap).toBeLessThan(1_000);
  });

  it('stops a compile past its budget with a clear error, then serves the next body on a fresh worker', async () => {
    const tight = createRenderPool({ size: 1, budgetMs: () => 300 });
    try {
      await tight.render('markdown', '预热', '');
      const slow = Array.from({ length: 5_000 }, (_, i) => paragraph(i)).join('\n\n');
      const error = await tight.render('markdown', slow, '').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BudgetError);
      expect(String(error)).toMatch(/正文过于复杂，渲染超过 1 秒/);
      expect((await tight.render('markdown', '**好**', '')).html).toBe('<p><strong>好</strong></p>');
    } finally {
      await tight.close();
    }
  });

  it('stops a compile that needs more memory than its worker has', async () => {
    const small = createRenderPool({ size: 1, memoryMb: 48 });
    try {
      const big = Array.from({ length: 20_000 }, (_, i) => paragraph(i)).join('\n\n');
      await expect(small.render('markdown', big, '')).rejects.toThrow(/正文过于复杂，渲染所需内存超过 48 MB/);
    } finally {
      await small.close();
    }
  }, 90_000);
});

describe('diffBodyWithBudget', () => {
  const line = (i: number) => `${paragraph(i)}这是一个正常的段落，包含足够长的中文内容，用来测试差异比较。`;
  const before = Array.from({ length: 12_000 }, (_, i) => line(i)).join('\n');
  const after = Array.from({ length: 12_000 }, (_, i) => (i % 3 ? line(i) : line(i).replace('正常', '修改过'))).join('\n');

  it('diffs two ~900 KB revisions off this thread, within its budget', async () => {
    expect(before.length).toBeGreaterThan(800_000);
    const { result, longestGap, elapsed } = await whileTicking(() => diffBodyWithBudget(before, after, { pool }));
    expect(result.rows.filter((row) => row.type === 'changed')).toHaveLength(4_000);
    // Word diff, or the line-only fallback: never longer than the two budgets.
    expect(elapsed).toBeLessThan(DIFF_BUDGET_MS + DIFF_LINES_BUDGET_MS);
    expect(longestGap).toBeLessThan(1_000);
  });

  it('falls back to whole-line changes, with a note, when the word diff runs out of time', async () => {
    const { rows, note } = await diffBodyWithBudget(before, after, { pool, wordsMs: 1 });
    expect(note).toMatch(/只按行比较/);
    const changed = rows.filter((row) => row.type === 'changed');
    expect(changed).toHaveLength(4_000);
    expect(changed.every((row) => row.parts.every((part) => part.change))).toBe(true);
  });
});
