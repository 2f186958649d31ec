import { describe, expect, it } from 'vitest';
import { segmentForIndex, segmentWords } from './segment';

describe('segmentWords', () => {
  it('splits Chinese into words and keeps Latin words whole, dropping punctuation', () => {
    const words = segmentWords('RAG 检索增强生成：先检索，再生成。AIGC 应用');
    expect(words).toContain('rag');
    expect(words).toContain('aigc');
    expect(words).toContain('检索');
    expect(words).toContain('生成');
    expect(words).not.toContain('：');
    expect(words.join('')).toBe('rag检索增强生成先检索再生成aigc应用');
  });

  it('folds full-width letters and case', () => {
    expect(segmentWords('ＬＬＭ Llm')).toEqual(['llm', 'llm']);
  });

  it('bounds what one document indexes', () => {
    expect(segmentForIndex('字'.repeat(1_000_000)).replace(/ /g, '').length).toBeLessThanOrEqual(300_000);
  });
});
