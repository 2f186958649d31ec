import { describe, expect, it } from 'vitest';
import { distinctTerms, slugify, termKey } from './names';

describe('terms', () => {
  it('treats casings and width variants as one term, first spelling winning', () => {
    expect(distinctTerms(['Aigc', 'AIGC', 'aigc', 'ＡＩＧＣ', 'Ai', 'Ai'], 'tag')).toEqual(['Aigc', 'Ai']);
    expect(termKey('  Stable   Diffusion ')).toBe('stable diffusion');
  });

  it('drops blank and uncategorized categories but keeps such tags', () => {
    expect(distinctTerms(['', '  '], 'category')).toEqual([]);
    expect(distinctTerms(['未分类', '杂谈'], 'category')).toEqual(['杂谈']);
    expect(distinctTerms(['未分类'], 'tag')).toEqual(['未分类']);
  });

  it('makes stable URL slugs for Latin and CJK names', () => {
    expect(slugify('Stable Diffusion')).toBe('stable-diffusion');
    expect(slugify('大模型')).toBe('大模型');
    expect(slugify('AI绘画')).toBe('ai绘画');
    expect(slugify('C++ / Rust')).toBe('c++-rust');
    expect(slugify('llama.cpp')).toBe('llama-cpp');
    expect(slugify('/../etc')).toBe('etc');
  });
});
