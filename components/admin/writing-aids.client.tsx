'use client';

import { Prec } from '@codemirror/state';
import { keymap, type EditorView } from '@codemirror/view';
import type { RefObject } from 'react';
import { countWords, readingMinutes } from '@/lib/render/reading-time';
import { ClientButton } from './client-button.client';

type Format = 'markdown' | 'mdx' | 'html';
type Mark = 'bold' | 'italic' | 'link';

const MARKS: Record<Mark, Record<'markdown' | 'html', [string, string]>> = {
  bold: { markdown: ['**', '**'], html: ['<strong>', '</strong>'] },
  italic: { markdown: ['*', '*'], html: ['<em>', '</em>'] },
  link: { markdown: ['[', '](https://)'], html: ['<a href="https://">', '</a>'] },
};

/** Wraps the selection (or a placeholder) in bold, italic or a link, in the body's format. */
export function applyMark(view: EditorView, mark: Mark, format: Format): boolean {
  const [open, close] = MARKS[mark][format === 'html' ? 'html' : 'markdown'];
  const { from, to } = view.state.selection.main;
  const text =
    view.state.sliceDoc(from, to) || { bold: '粗体', italic: '斜体', link: '链接文字' }[mark];
  const insert = `${open}${text}${close}`;
  // A new link: select the placeholder URL, ready to be typed over.
  const selection =
    mark === 'link'
      ? {
          anchor: from + insert.indexOf('https://'),
          head: from + insert.indexOf('https://') + 'https://'.length,
        }
      : { anchor: from + open.length, head: from + open.length + text.length };
  view.dispatch({ changes: { from, to, insert }, selection });
  view.focus();
  return true;
}

/** Ctrl/⌘+B, I and K in the body, before CodeMirror's own bindings for those keys. */
export function formattingKeymap(format: Format) {
  return Prec.high(
    keymap.of([
      { key: 'Mod-b', run: (view) => applyMark(view, 'bold', format) },
      { key: 'Mod-i', run: (view) => applyMark(view, 'italic', format) },
      { key: 'Mod-k', run: (view) => applyMark(view, 'link', format) },
    ]),
  );
}

interface ToolbarProps {
  view: RefObject<EditorView | null>;
  format: Format;
  body: string;
}

/** Formatting buttons and the live length of the body. */
export function BodyToolbar({ view, format, body }: ToolbarProps) {
  const { cjk, words } = countWords(body);
  const press = (mark: Mark) => () => {
    if (view.current) applyMark(view.current, mark, format);
  };
  return (
    <div className="body-toolbar" role="toolbar" aria-label="格式工具栏">
      <ClientButton type="button" onClick={press('bold')} title="Ctrl/⌘+B">
        粗体
      </ClientButton>
      <ClientButton type="button" onClick={press('italic')} title="Ctrl/⌘+I">
        斜体
      </ClientButton>
      <ClientButton type="button" onClick={press('link')} title="Ctrl/⌘+K">
        链接
      </ClientButton>
      <span className="word-count" aria-live="off">
        {cjk + words} 字 · 约 {readingMinutes(body)} 分钟读完
      </span>
    </div>
  );
}

/** Keeps the preview at the same relative place as the editor while it scrolls. */
export function syncScroll(view: EditorView, preview: HTMLElement | null) {
  const source = view.scrollDOM;
  const ratio = source.scrollTop / Math.max(1, source.scrollHeight - source.clientHeight);
  if (preview) preview.scrollTop = ratio * (preview.scrollHeight - preview.clientHeight);
}

/** Lengths search engines and social cards show in full (Chinese characters count double in a SERP's width). */
const TITLE_LIMIT = 60;
const DESCRIPTION_LIMIT = 160;
const displayWidth = (text: string) =>
  [...text].reduce((n, c) => n + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);

function Counter({ label, text, limit }: { label: string; text: string; limit: number }) {
  const width = displayWidth(text);
  return (
    <span className={width > limit ? 'counter over' : 'counter'}>
      {label} {width}/{limit}
      {width > limit ? '（超出部分会被截断）' : ''}
    </span>
  );
}

interface SerpPreviewProps {
  title: string;
  slug: string;
  description: string;
  coverImage: string;
  siteTitle: string;
}

/** How the post shows in a search result and on a social card, with length counters. */
export function SerpPreview({ title, slug, description, coverImage, siteTitle }: SerpPreviewProps) {
  const shownTitle = `${title || '（无标题）'} · ${siteTitle}`;
  return (
    <section className="serp-preview" aria-labelledby="serp-title">
      <h2 id="serp-title">搜索结果与分享卡片</h2>
      <div className="serp">
        <p className="serp-url">/posts/{slug || '…'}</p>
        <p className="serp-title">{shownTitle}</p>
        <p className="serp-description">{description || '（没有摘要：搜索引擎会从正文中摘取）'}</p>
      </div>
      <p>
        <Counter label="标题" text={shownTitle} limit={TITLE_LIMIT} /> ·{' '}
        <Counter label="摘要" text={description} limit={DESCRIPTION_LIMIT} />
        {coverImage ? ' · 分享卡片：大图' : ' · 分享卡片：无封面，小卡片'}
      </p>
    </section>
  );
}
