import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generatePost } from '@/test/corpus/corpus';
import { parsePostFile } from '@/lib/content/parse';
import { vectors } from '@/test/xss/vectors';
import { compilePlainMarkdown } from './markdown';
import { compileWithMdxBundler, finishRender } from './render';

const GFM = [
  'Footnote here[^1] and another[^note].\n\n[^1]: The **first** note.\n[^note]: Second with `code`.',
  '- [ ] todo\n- [x] done\n\n1. one\n2. two\n   - nested\n     > quote',
  '| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| x | **y** | `z` |',
  'www.example.com and https://example.com/path?q=1 and foo@bar.com ~~struck~~',
  '# Title\n\n## 中文 标题 **粗体**\n\n### Same\n\n### Same\n\n```js title="x"\nconst a = 1 < 2;\n```\n\n    indented code',
  '![img](https://x.y/a.png "Title") [link](https://a.b "t") [ref][r] <https://auto.link>\n\n[r]: https://ref.example "Ref"',
  'line one  \nline two\\\nline three &amp; &copy; &#x4e2d; &nbsp;',
  '---\n\nthematic\n\n***\n\n> quote\n>\n> more',
  '[javascript link](javascript:alert(1)) ![x](data:image/png;base64,AAA) [v](vbscript:x)',
  '1) a\n2) b\n\n5. start at five\n6. six',
  'Setext\n======\n\nSub\n---',
  '',
  '\\<div>escaped\\</div> `<div>` in code',
];

async function sampleBodies(): Promise<string[]> {
  const files = (await readdir('content')).filter((f) => /\.(md|markdown|txt)$/.test(f) && f !== 'README.md');
  const samples = await Promise.all(files.map(async (f) => parsePostFile(f, await readFile(`content/${f}`))));
  const synthetic = Array.from({ length: 150 }, (_, i) => generatePost(i, 3)).map((p) => parsePostFile(p.fileName, Buffer.from(p.text)));
  return [...samples, ...synthetic].filter((p) => p.format === 'markdown').map((p) => p.body);
}

describe('the plain-Markdown compiler', () => {
  it('renders exactly what mdx-bundler renders, for GFM, the samples, XSS vectors and a synthetic corpus', { timeout: 120_000 }, async () => {
    const bodies = [...GFM, ...vectors, ...(await sampleBodies())];
    let compared = 0;
    for (const body of bodies) {
      const tree = compilePlainMarkdown(body);
      if (!tree) continue;
      const fast = await finishRender(tree, 'markdown', body, '标题');
      const reference = await finishRender(await compileWithMdxBundler('markdown', body), 'markdown', body, '标题');
      expect(fast, body).toEqual(reference);
      compared++;
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('leaves bodies with raw HTML to mdx-bundler', () => {
    expect(compilePlainMarkdown('text <span onclick="x()">hi</span>')).toBeNull();
    expect(compilePlainMarkdown('<div>\n\n**md**\n\n</div>')).toBeNull();
    expect(compilePlainMarkdown('**md** only')).not.toBeNull();
  });
});
