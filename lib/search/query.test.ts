import { describe, expect, it } from 'vitest';
import { highlight, queryTerms, toTsQuery } from './query';

describe('search queries', () => {
  it('segments Chinese and mixed queries like the index', () => {
    expect(queryTerms('AIGC 应用')).toEqual(['aigc', '应用']);
    expect(queryTerms('检索增强生成')).toEqual(['检索', '增强', '生成']);
    expect(queryTerms('  ，。 ')).toEqual([]);
  });

  it('quotes every word so none can inject tsquery operators, and prefixes the last', () => {
    expect(toTsQuery(['rag', "o'neil", 'a|b'])).toBe("'rag' & 'o''neil' & 'a|b':*");
    expect(toTsQuery([])).toBeNull();
  });

  it('marks matches case-insensitively without HTML', () => {
    expect(highlight('用 RAG 做<b>问答</b>', ['rag', '问答'])).toEqual([
      { text: '用 ', match: false },
      { text: 'RAG', match: true },
      { text: ' 做<b>', match: false },
      { text: '问答', match: true },
      { text: '</b>', match: false },
    ]);
  });

  it('marks whole matched words once: 钉钉 and 虚拟试衣 are one mark each, a prefix marks its whole word', () => {
    const marks = (query: string, text: string) => highlight(text, queryTerms(query), query).filter((p) => p.match).map((p) => p.text);
    const text = '用钉钉和虚拟试衣做 RAG 检索，RAGFlow 大模型很大';
    expect(marks('钉钉', text)).toEqual(['钉钉']);
    expect(marks('虚拟试衣', text)).toEqual(['虚拟试衣']);
    expect(marks('大模型', text)).toEqual(['大模型']);
    expect(marks('rag', text)).toEqual(['RAG', 'RAGFlow']);
    expect(highlight(text, queryTerms('钉钉'), '钉钉').map((p) => p.text).join('')).toBe(text);
  });
});
