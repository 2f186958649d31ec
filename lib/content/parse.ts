import matter from 'gray-matter';
import YAML from 'yaml';
import type { BodyFormat } from '@/lib/generated/prisma/enums.ts';
import { ContentError } from './errors';
import { extractPlatformArticle } from './platform-html';

export interface ParsedPostFile {
  data: Record<string, unknown>;
  body: string;
  format: BodyFormat;
  /** The source URL found in the body's hidden platform element, if any. */
  bodySourceUrl: string | null;
}

const refuseCode = (language: string) => () => {
  throw new ContentError(`不接受 ${language} 写的文件头（它会执行代码），请用 YAML`);
};

const MATTER_OPTIONS = {
  language: 'yaml',
  engines: {
    // YAML 1.2 core schema: dates stay strings (we keep their offsets) and keys must be unique.
    yaml: {
      parse: (text: string) => YAML.parse(text, { schema: 'core', uniqueKeys: true, prettyErrors: true }) ?? {},
      stringify: (data: object) => YAML.stringify(data),
    },
    js: refuseCode('JavaScript'),
    javascript: refuseCode('JavaScript'),
    coffee: refuseCode('CoffeeScript'),
    coffeescript: refuseCode('CoffeeScript'),
  },
} as matter.GrayMatterOption<string, object>;

const EXTENSION_FORMATS: Record<string, BodyFormat | 'detect'> = {
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'mdx',
  html: 'html',
  htm: 'html',
  txt: 'detect',
};

export const IMPORTABLE_EXTENSIONS = Object.keys(EXTENSION_FORMATS);

const HTML_START =
  /^<(?:!doctype|!--|html|body|div|article|section|main|header|p|h[1-6]|ul|ol|table|blockquote|pre|figure|img|link|svg)\b/i;

/** HTML when the body opens with a block element and has no Markdown headings. */
export function detectFormat(body: string): BodyFormat {
  const text = body.trimStart();
  if (/id=["']content_views["']|class=["']blog-content-box/.test(text)) return 'html';
  return HTML_START.test(text) && !/^#{1,6}\s/m.test(text) ? 'html' : 'markdown';
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** UTF-8 text without a BOM, with LF line ends; refuses anything else. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ContentError('不是 UTF-8 文本（请把文件转为 UTF-8）');
  }
  if (text.includes('\u0000')) throw new ContentError('是二进制数据，不是文本文件');
  return text.replace(/\r\n?/g, '\n');
}

function describeYamlError(error: unknown): string {
  if (error instanceof YAML.YAMLError) {
    const where = error.linePos?.[0] ? `（文件头第 ${error.linePos[0].line} 行）` : '';
    return `文件头 YAML 有误${where}：${error.message.split('\n')[0]}`;
  }
  if (error instanceof ContentError) return error.message;
  return `文件头有误：${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Splits a post file into front matter and body and decides the body format:
 * by extension, by a `format` field, or (for `.txt`) by looking at the body.
 * Platform-HTML chrome is removed here; the article is what `#content_views` holds.
 */
export function parsePostFile(fileName: string, bytes: Uint8Array): ParsedPostFile {
  const extension = extensionOf(fileName);
  const byExtension = EXTENSION_FORMATS[extension];
  if (!byExtension) {
    throw new ContentError(`不支持的文件类型“.${extension}”（应为 ${IMPORTABLE_EXTENSIONS.map((e) => `.${e}`).join('、')}）`);
  }
  const text = decodeText(bytes);
  if (!/^---[a-z]*[^\S\n]*\n/i.test(text)) throw new ContentError('没有文件头（文章文件以一行“---”开头）');
  if (!/\n---[^\S\n]*(\n|$)/.test(text.slice(3))) throw new ContentError('文件头没有以一行“---”结束');
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, MATTER_OPTIONS);
  } catch (error) {
    throw new ContentError(describeYamlError(error));
  }
  const data: unknown = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ContentError('文件头须为字段映射（键: 值）');
  }
  const declared = (data as Record<string, unknown>).format;
  const format =
    declared === 'markdown' || declared === 'mdx' || declared === 'html'
      ? declared
      : byExtension === 'detect'
        ? detectFormat(parsed.content)
        : byExtension;
  const { body, sourceUrl } =
    format === 'html' ? extractPlatformArticle(parsed.content) : { body: parsed.content, sourceUrl: null };
  return { data: data as Record<string, unknown>, body: normalizeBody(body), format, bodySourceUrl: sourceUrl };
}

/** Leading blank lines and trailing white space carry no meaning; dropping them makes files with and without a final newline equal. */
export function normalizeBody(body: string): string {
  return body.replace(/^(?:[^\S\n]*\n)+/, '').trimEnd();
}
