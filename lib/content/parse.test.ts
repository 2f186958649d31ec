import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ContentError } from './errors';
import { detectFormat, parsePostFile } from './parse';

const sample = (name: string) => readFileSync(`content/${name}`);
const text = (s: string) => new TextEncoder().encode(s);

describe('parsePostFile', () => {
  it('strips the platform chrome and finds the hidden source URL', () => {
    const parsed = parsePostFile('x.html', sample('2024-03-18-stable-diffusion-webui-deploy.html'));
    expect(parsed.format).toBe('html');
    expect(parsed.bodySourceUrl).toMatch(/^https:\/\/blog\.csdn\.net\/\w+\/article\/details\/136812045$/);
    expect(parsed.body).not.toMatch(/blog-content-box|articleContentId|<link|display: none|class_="artid"|<p><\/p>/);
    expect(parsed.body).toContain('<h2');
  });

  it('keeps untrusted markup for the sanitiser, not the importer, to deal with', () => {
    const parsed = parsePostFile('x.html', sample('2024-06-02-diffusion-model-principle.html'));
    expect(parsed.body).toContain('onerror');
  });

  it('detects the body format of .txt files', () => {
    expect(parsePostFile('a.txt', sample('2023-08-25-vector-database-selection.txt')).format).toBe('html');
    expect(parsePostFile('b.txt', sample('2024-12-20-ollama-local-deploy.txt')).format).toBe('markdown');
    expect(detectFormat('<p align="center">hi</p>\n\n# Title')).toBe('markdown');
  });

  it('treats only the first --- block as front matter', () => {
    const parsed = parsePostFile('x.md', text('---\ntitle: a\n---\none\n\n---\n\ntwo\n---\nthree'));
    expect(parsed.data).toEqual({ title: 'a' });
    expect(parsed.body).toBe('one\n\n---\n\ntwo\n---\nthree');
  });

  it('accepts a BOM and CRLF line ends, and a missing final newline', () => {
    const parsed = parsePostFile('x.md', text('\uFEFF---\r\ntitle: a\r\n---\r\nbody\r\nline'));
    expect(parsed.data).toEqual({ title: 'a' });
    expect(parsed.body).toBe('body\nline');
  });

  it('keeps dates as strings so their offsets survive', () => {
    const parsed = parsePostFile('x.md', text('---\ntitle: a\ndate: 2024-09-09 05:08:37 +08:00\n---\n'));
    expect(parsed.data.date).toBe('2024-09-09 05:08:37 +08:00');
  });

  it.each([
    ['not UTF-8', Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]), /不是 UTF-8/],
    ['binary', text('---\ntitle: a\n---\n\u0000\u0001'), /二进制/],
    ['no front matter', text('# Just markdown'), /没有文件头/],
    ['unclosed front matter', text('---\ntitle: a\nbody'), /没有以一行/],
    ['bad YAML', text('---\ntitle: a\ntags: [a, b\n---\n'), /文件头 YAML 有误（文件头第 \d 行）/],
    ['duplicate keys', text('---\ntitle: a\ntitle: b\n---\n'), /文件头 YAML 有误/],
    ['a list instead of fields', text('---\n- a\n- b\n---\n'), /须为字段映射/],
    ['JavaScript front matter', text('---js\n{ title: (() => { throw new Error("ran") })() }\n---\n'), /不接受/],
  ])('refuses %s with a clear reason', (_, bytes, reason) => {
    expect(() => parsePostFile('x.md', bytes)).toThrow(ContentError);
    expect(() => parsePostFile('x.md', bytes)).toThrow(reason);
  });

  it('refuses unsupported file types', () => {
    expect(() => parsePostFile('x.docx', text('---\ntitle: a\n---\n'))).toThrow(/不支持的文件类型“.docx”/);
  });
});
