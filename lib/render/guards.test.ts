import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { snapshotFromFrontMatter } from '@/lib/content/front-matter';
import { parsePostFile } from '@/lib/content/parse';
import { PATHOLOGICAL, columns } from '@/test/fixtures/pathological-bodies';
import { assertRenderable } from './guards';

describe('assertRenderable', () => {
  it.each(PATHOLOGICAL)('refuses %s', (_name, format, body, message) => {
    expect(() => assertRenderable(format, body)).toThrow(message);
  });

  it('passes every sample post', async () => {
    const files = (await readdir('content')).filter((f) => f !== 'README.md');
    for (const file of files) {
      const snapshot = snapshotFromFrontMatter({ fileName: file, ...parsePostFile(file, await readFile(`content/${file}`)) });
      expect(() => assertRenderable(snapshot.format, snapshot.body), file).not.toThrow();
    }
  });

  it('passes long but ordinary bodies', () => {
    const ordinary = [
      // A glossary: hundreds of list items, each with bold text, no blank lines between them.
      Array.from({ length: 2_000 }, (_, i) => `- **术语 ${i}**：解释，见 [链接](https://example.com/${i}) 与 *注释*`).join('\n'),
      // C code with many pointers, in a fence.
      `\`\`\`c\n${'int *p = *q * 2; /* a */\n'.repeat(2_000)}\`\`\``,
      // Snake-case identifiers are no emphasis.
      'call some_function_name with a_b_c '.repeat(2_000),
      // A list nested ten deep with four-space indents, and a 150-column table.
      Array.from({ length: 10 }, (_, i) => `${'    '.repeat(i)}1. level ${i}`).join('\n'),
      columns(150),
      // Autolinks and generics in code spans are not open elements.
      '<https://example.com/a> <a@b.example> `List<String>` '.repeat(1_000),
      // A thematic break of 300 dashes; unclosed <p> and <li> in legacy HTML.
      '- '.repeat(300).trim(),
      '<p>段落'.repeat(3_000) + '<ul>' + '<li>项'.repeat(3_000) + '</ul>',
      '第一段 [注释] [[双括号]] 文字\n\n'.repeat(3_000),
    ];
    for (const body of ordinary) expect(() => assertRenderable('markdown', body), body.slice(0, 60)).not.toThrow();
    expect(() => assertRenderable('html', ordinary.at(-2)!)).not.toThrow();
  });

  it('scans the largest body allowed in one linear pass', () => {
    const body = '正文 **加粗** [链接](https://example.com) `code`\n\n'.repeat(100_000).slice(0, 5_000_000);
    const started = performance.now();
    assertRenderable('markdown', body);
    // About a second on a busy 2-core machine; a quadratic scan would take hours.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
