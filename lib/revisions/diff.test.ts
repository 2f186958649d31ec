import { describe, expect, it } from 'vitest';
import {
  changedFields,
  diffBody,
  diffFrontMatter,
  diffStats,
  sideParts,

  type DiffRow,
} from './diff';
import { tokenize } from './word-diff';

const changes = (rows: DiffRow[]) => rows.filter((row) => row.type === 'changed');
const marked = (rows: DiffRow[], change: 'added' | 'removed') =>
  changes(rows).flatMap((row) =>
    row.parts.filter((part) => part.change === change).map((part) => part.text),
  );
const lines = (count: number, label = '行') =>
  Array.from({ length: count }, (_, i) => `第 ${i + 1} ${label}`);

describe('tokenize', () => {
  it('splits Chinese into words and gives back the exact text', () => {
    const text = '大模型的知识有截止日期。Hello, world!\r\n  第二行\t\n';
    expect(tokenize(text).join('')).toBe(text);
    expect(tokenize('大模型的知识')).toEqual(['大', '模型', '的', '知识']);
  });

  it('handles a very long line quickly and losslessly', () => {
    const text = '大模型的知识有截止日期，'.repeat(20_000) + 'x'.repeat(5_000);
    expect(tokenize(text).join('')).toBe(text);
  });

  it('never cuts an astral character in half', () => {
    const text = '😀'.repeat(1_000);
    expect(tokenize(text).every((token) => token.isWellFormed())).toBe(true);
  });
});

describe('diffBody', () => {
  it('marks only the changed Chinese words, not the whole line', () => {
    const rows = diffBody(
      '标题\n大模型的知识有截止日期\n结尾',
      '标题\n大模型的知识没有截止日期\n结尾',
    );
    const [row] = changes(rows);
    expect(changes(rows)).toHaveLength(1);
    expect(row).toMatchObject({ left: 2, right: 2 });
    expect(marked(rows, 'added')).toEqual(['没']);
    expect(marked(rows, 'removed')).toEqual([]);
    expect(
      row &&
        sideParts(row.parts, 'before')
          .map((p) => p.text)
          .join(''),
    ).toBe('大模型的知识有截止日期');
    expect(
      row &&
        sideParts(row.parts, 'after')
          .map((p) => p.text)
          .join(''),
    ).toBe('大模型的知识没有截止日期');
  });

  it('marks a replaced English word on its own', () => {
    const rows = diffBody('The quick brown fox', 'The quick red fox');
    expect(marked(rows, 'removed')).toEqual(['brown']);
    expect(marked(rows, 'added')).toEqual(['red']);
  });

  it('shows unrelated lines as whole-line replacements', () => {
    const rows = diffBody('今天天气很好', 'Completely different');
    expect(changes(rows)).toEqual([
      {
        type: 'changed',
        left: 1,
        right: 1,
        parts: [
          { text: '今天天气很好', change: 'removed' },
          { text: 'Completely different', change: 'added' },
        ],
      },
    ]);
  });

  it('numbers inserted and deleted lines on their own side only', () => {
    const rows = diffBody('a\nb\nc', 'a\nc\nd');
    expect(changes(rows)).toEqual([
      { type: 'changed', left: 2, parts: [{ text: 'b', change: 'removed' }] },
      { type: 'changed', right: 3, parts: [{ text: 'd', change: 'added' }] },
    ]);
    expect(diffStats(rows)).toEqual({ added: 1, removed: 1 });
  });

  it('reports no changes for identical texts, ignoring CRLF and a final newline', () => {
    const text = lines(50).join('\n');
    for (const [before, after] of [
      [text, text],
      [text, `${text}\n`],
      [text.replaceAll('\n', '\r\n'), text],
    ] as const) {
      const rows = diffBody(before, after);
      expect(changes(rows)).toEqual([]);
      expect(diffStats(rows)).toEqual({ added: 0, removed: 0 });
    }
  });

  it('handles empty texts on either side', () => {
    expect(diffBody('', '')).toEqual([]);
    expect(diffStats(diffBody('', 'a\nb'))).toEqual({ added: 2, removed: 0 });
    expect(changes(diffBody('a\nb\n', ''))).toEqual([
      { type: 'changed', left: 1, parts: [{ text: 'a', change: 'removed' }] },
      { type: 'changed', left: 2, parts: [{ text: 'b', change: 'removed' }] },
    ]);
  });

  it('collapses long unchanged stretches and keeps context with correct line numbers', () => {
    const before = lines(40);
    const after = [...before];
    after[4] = '第 5 行（改）';
    after.splice(30, 0, '插入的一行');
    const rows = diffBody(before.join('\n'), after.join('\n'));
    const summary = rows.map((row) =>
      row.type === 'collapsed'
        ? `…${row.count}@${row.left}/${row.right}`
        : `${row.type[0]}${row.left ?? '-'}/${row.right ?? '-'}`,
    );
    expect(summary).toEqual([
      ...['u1/1', 'u2/2', 'u3/3', 'u4/4', 'c5/5'],
      ...['u6/6', 'u7/7', 'u8/8', '…19@9/9', 'u28/28', 'u29/29', 'u30/30', 'c-/31'],
      ...['u31/32', 'u32/33', 'u33/34', '…7@34/35'],
    ]);
  });

  it('keeps short unchanged stretches and honours a custom context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni';
    const after = 'A\nb\nc\nd\ne\nf\ng\nh\nI';
    expect(diffBody(before, after).some((row) => row.type === 'collapsed')).toBe(false);
    const rows = diffBody(before, after, { context: 1 });
    expect(rows[2]).toEqual({ type: 'collapsed', left: 3, right: 3, count: 5 });
    expect(rows).toHaveLength(5);
  });

  it('shows a moved block as removed where it was and added where it went, every other line unchanged', () => {
    const intro = lines(30, '段：引言');
    const method = lines(5, '段：方法');
    const results = lines(30, '段：结果');
    const rows = diffBody([...intro, ...method, ...results].join('\n'), [...intro, ...results, ...method].join('\n'));
    expect(diffStats(rows)).toEqual({ added: 5, removed: 5 });
    expect(marked(rows, 'removed')).toEqual(method);
    expect(marked(rows, 'added')).toEqual(method);
  });

  it('diffs 20,000-line texts', () => {
    const before = lines(20_000, '行：大模型的知识有截止日期，the quick brown fox');
    const after = before.map((line, i) =>
      i % 100 === 0 ? line.replace('有', '没有') : i % 333 === 0 ? `改写 ${i}` : line,
    );
    after.splice(10_000, 0, ...lines(500, '新增'));
    const rows = diffBody(before.join('\n'), after.join('\n'));
    expect(diffStats(rows)).toEqual({ added: 760, removed: 260 });
    const rewrite = diffBody(before.join('\n'), lines(20_000, 'other').join('\n'));
    expect(diffStats(rewrite)).toEqual({ added: 20_000, removed: 20_000 });
  });
});

describe('diffFrontMatter', () => {
  const before = {
    title: '旧标题',
    tags: ['AI', '模型'],
    draft: true,
    extra: { a: 1, b: [1, 2] },
    gone: 'x',
  };

  it('reports added, removed, changed and unchanged fields in a stable order', () => {
    const after = {
      extra: { b: [1, 2], a: 1 },
      title: '新标题',
      tags: ['AI', '模型'],
      draft: true,
      cover: '/a.png',
    };
    expect(diffFrontMatter(before, after)).toEqual([
      { field: 'title', kind: 'changed', before: '旧标题', after: '新标题' },
      { field: 'tags', kind: 'unchanged', before: 'AI, 模型', after: 'AI, 模型' },
      { field: 'draft', kind: 'unchanged', before: 'true', after: 'true' },
      {
        field: 'extra',
        kind: 'unchanged',
        before: '{"a":1,"b":[1,2]}',
        after: '{"a":1,"b":[1,2]}',
      },
      { field: 'gone', kind: 'removed', before: 'x' },
      { field: 'cover', kind: 'added', after: '/a.png' },
    ]);
  });

  it('treats reordered tags and changed nested values as changes', () => {
    const after = { ...before, tags: ['模型', 'AI'], extra: { a: 1, b: [1, 3] } };
    const changed = diffFrontMatter(before, after).filter((change) => change.kind === 'changed');
    expect(changed).toEqual([
      { field: 'tags', kind: 'changed', before: 'AI, 模型', after: '模型, AI' },
      { field: 'extra', kind: 'changed', before: '{"a":1,"b":[1,2]}', after: '{"a":1,"b":[1,3]}' },
    ]);
  });

  it('shows dates as dates', () => {
    const [change] = diffFrontMatter({ date: new Date('2024-05-01T00:00:00Z') }, {});
    expect(change).toEqual({ field: 'date', kind: 'removed', before: '2024-05-01' });
  });
});

describe('changedFields', () => {
  const revision = { frontMatter: { title: 'T', tags: ['a'] }, format: 'markdown', body: '正文\n' };

  it('names changed fields, then format and body', () => {
    const next = { frontMatter: { title: 'T', tags: ['b'] }, format: 'mdx', body: '新正文' };
    expect(changedFields(revision, next)).toEqual(['tags', 'format', 'body']);
  });

  it('ignores line-ending differences in the body', () => {
    expect(changedFields(revision, { ...revision, body: '正文\r\n' })).toEqual([]);
  });
});
