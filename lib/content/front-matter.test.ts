import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatOffsetDate } from '@/lib/dates/offset-date';
import { MODELLED_FIELDS } from '@/lib/validations/post';
import { frontMatterOf, snapshotFromFrontMatter } from './front-matter';
import { parsePostFile } from './parse';
import { serializePost } from './serialize';

const files = readdirSync('content').filter((f) => f !== 'README.md');
const load = (fileName: string, bytes: Uint8Array = readFileSync(`content/${fileName}`)) =>
  snapshotFromFrontMatter({ fileName, ...parsePostFile(fileName, bytes) });
const fromText = (fileName: string, text: string) => load(fileName, new TextEncoder().encode(text));

describe('snapshotFromFrontMatter on the sample content', () => {
  it('normalises every sample file', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) expect(() => load(file), file).not.toThrow();
  });

  it('keeps each date with its own offset', () => {
    const rag = load('2024-09-09-rag-retrieval-augmented-generation.md');
    expect(rag.publishedAt.toISOString()).toBe('2024-09-08T21:08:37.000Z');
    expect(formatOffsetDate({ instant: rag.publishedAt, offsetMinutes: rag.utcOffset })).toBe('2024-09-09 05:08:37 +08:00');
    const colonless = load('2024-03-18-stable-diffusion-webui-deploy.html');
    expect(colonless.utcOffset).toBe(480);
    expect(load('2023-11-14-prompt-engineering-tips.markdown').utcOffset).toBe(-300);
  });

  it('dedupes tags case-insensitively and drops empty and uncategorized categories', () => {
    expect(load('2023-11-14-prompt-engineering-tips.markdown').tags.filter((t) => t === 'Ai')).toHaveLength(1);
    expect(load('2024-06-02-diffusion-model-principle.html').categories).toEqual([]);
    expect(load('2023-08-25-vector-database-selection.txt').categories).toEqual([]);
  });

  it('decodes the source URL from arturl_encode or from the hidden HTML element', () => {
    const md = load('2024-09-09-rag-retrieval-augmented-generation.md');
    expect(md.sourceUrl).toMatch(/\/article\/details\/142034981$/);
    expect(md.sourceId).toBe('142034981');
    expect(load('2024-06-02-diffusion-model-principle.html').sourceUrl).toMatch(/\/article\/details\/139389120$/);
  });

  it('reads drafts from published: false and from draft: true', () => {
    expect(load('2024-04-11-llm-quantization-gguf-awq-gptq.md').status).toBe('draft');
    expect(load('2024-07-30-multimodal-llm-overview.md').status).toBe('draft');
    expect(load('2024-09-09-rag-retrieval-augmented-generation.md').status).toBe('published');
  });

  it('takes the slug from slug:, then permalink:, then the file name', () => {
    expect(load('2025-03-15-ai-coding-assistant-review.md').slug).toBe('ai-coding-assistant-review-2025');
    expect(load('2023-05-19-llm-evaluation-benchmarks.md').slug).toBe('llm-evaluation-benchmarks');
    expect(load('2024-12-20-ollama-local-deploy.txt').slug).toBe('ollama-local-deploy');
  });

  it('keeps every field it does not model, verbatim', () => {
    const post = load('2024-07-30-multimodal-llm-overview.md');
    expect(post.extra).toMatchObject({ layout: 'post', author: '某某', comments: false, seo: { noindex: false } });
    expect(post.coverImage).toBe('https://picsum.photos/800/600?random=35');
    expect(post.coverAlt).toBe('文章封面');
  });
});

describe('round trip', () => {
  it('gives every sample back unchanged through serialize and parse, with every original field', () => {
    for (const file of files) {
      const original = load(file);
      const { fileName, text } = serializePost(original);
      const again = fromText(fileName, text);
      expect(again, file).toEqual(original);
      const originalKeys = Object.keys(parsePostFile(file, readFileSync(`content/${file}`)).data);
      const exportedKeys = Object.keys(parsePostFile(fileName, new TextEncoder().encode(text)).data);
      // Status lives in `published` whichever switch the file used.
      const expected = originalKeys.filter((k) => !['draft', 'published'].includes(k) || original.status === 'draft');
      expect(exportedKeys, file).toEqual(expect.arrayContaining(expected.map((k) => (k === 'draft' ? 'published' : k))));
    }
  });

  it('writes tags as a flow list and modelled fields under their usual names', () => {
    const { text } = serializePost(load('2024-09-09-rag-retrieval-augmented-generation.md'));
    expect(text).toMatch(/^tags: \[Aigc, RAG, 大模型, LLM, 人工智能, Python\]$/m);
    expect(text).toMatch(/^date: 2024-09-09 05:08:37 \+08:00$/m);
    expect(text).toMatch(/^artid: '142034981'$/m);
  });

  it('keeps extra fields of the image mapping', () => {
    const post = fromText('2024-01-01-x.md', '---\ntitle: x\nimage: {path: /a.png, alt: A, width: 300}\n---\nbody');
    expect(frontMatterOf(post).image).toEqual({ width: 300, path: '/a.png', alt: 'A' });
  });
});

describe('refusals', () => {
  it.each([
    ['no title', '---\ndate: 2024-01-01\n---\n', /title: 缺少/],
    ['an impossible date', '---\ntitle: x\ndate: 2024-02-30 10:00:00 +08:00\n---\n', /date: “2024-02-30 10:00:00 \+08:00”不是有效的日期/],
    ['no date anywhere', '---\ntitle: x\n---\n', /date: 缺少/],
    ['tags that are not names', '---\ntitle: x\ndate: 2024-01-01\ntags: {a: 1}\n---\n', /tags: must be a list of names/],
    ['a broken arturl_encode', '---\ntitle: x\ndate: 2024-01-01\narturl_encode: "zz:zz"\n---\n', /arturl_encode/],
    ['an unquoted huge artid', '---\ntitle: x\ndate: 2024-01-01\nartid: 123456789012345678901\n---\n', /artid/],
    ['an unknown status', '---\ntitle: x\ndate: 2024-01-01\nstatus: live\n---\n', /status/],
    ['a javascript: cover image', '---\ntitle: x\ndate: 2024-01-01\nimage: {path: "javascript:alert(1)"}\n---\n', /^image\.path: 需为 https: 网址或本站路径/],
    ['an http: cover image', '---\ntitle: x\ndate: 2024-01-01\nimage: http://example.com/a.png\n---\n', /^image\.path: 需为 https: 网址/],
    ['a data: featuredImage', '---\ntitle: x\ndate: 2024-01-01\nfeaturedImage: "data:image/svg+xml,<svg onload=alert(1)>"\n---\n', /^featuredImage: 需为 https: 网址/],
    ['a protocol-relative featuredImagePreview', '---\ntitle: x\ndate: 2024-01-01\nfeaturedImagePreview: //evil.example/a.png\n---\n', /^featuredImagePreview: 需为/],
  ])('refuses %s', (_, text, reason) => {
    expect(() => fromText('post.md', text)).toThrow(reason);
  });

  it('derives the date from a Jekyll file name when the front matter has none', () => {
    expect(fromText('2024-05-06-x.md', '---\ntitle: x\n---\n').publishedAt.toISOString()).toBe('2024-05-05T16:00:00.000Z');
  });

  it('never stores a modelled field in extra', () => {
    const post = fromText('2024-05-06-x.md', '---\ntitle: x\ndraft: true\nformat: html\nstatus: draft\n---\n');
    expect(Object.keys(post.extra).filter((k) => (MODELLED_FIELDS as readonly string[]).includes(k))).toEqual([]);
  });
});
