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
});
