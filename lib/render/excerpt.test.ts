import { describe, expect, it } from 'vitest';
import { excerptOf } from './excerpt';

describe('excerptOf', () => {
  it('ends a description the platform cut mid-word at the last clause boundary, with …', () => {
    expect(
      excerptOf(
        '很多 RAG 项目效果不好，问题并不在大模型，而在检索这一步。本文分享 Embedding 模型选型和两阶段检',
      ),
    ).toBe('很多 RAG 项目效果不好，问题并不在大模型，而在检索这一步…');
    expect(
      excerptOf(
        'Stable Diffusion 背后的扩散模型到底在“扩散”什么？本文不堆公式，用尽量直观的方式讲清前向加噪、反向',
      ),
    ).toBe(
      'Stable Diffusion 背后的扩散模型到底在“扩散”什么？本文不堆公式，用尽量直观的方式讲清前向加噪…',
    );
    expect(excerptOf('RAG is retrieval, then generation. This post explains how to bui')).toBe(
      'RAG is retrieval, then generation…',
    );
  });

  it('keeps a whole sentence whole, and cuts a long text to the length asked', () => {
    expect(excerptOf('本文介绍如何在本地部署 Ollama。')).toBe('本文介绍如何在本地部署 Ollama。');
    const long = '第一句话说明背景，'.repeat(30);
    const excerpt = excerptOf(long, 50)!;
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(excerpt).toMatch(/背景…$/);
  });

  it('falls back to the last space, or the whole text, when no clause ends late enough', () => {
    expect(excerptOf('一个没有任何标点的很长很长的描述文字被截断在这')).toBe(
      '一个没有任何标点的很长很长的描述文字被截断在这…',
    );
    expect(excerptOf(null)).toBeNull();
    expect(excerptOf('  ')).toBeNull();
  });
});
