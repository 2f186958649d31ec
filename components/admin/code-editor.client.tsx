'use client';

import { html } from '@codemirror/lang-html';
import { markdown } from '@codemirror/lang-markdown';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo } from 'react';

interface CodeEditorProps {
  id: string;
  name: string;
  label: string;
  value: string;
  language: 'markdown' | 'mdx' | 'html';
  onChange: (value: string) => void;
  describedBy?: string;
  invalid?: boolean;
  /** More behaviour (image drop and paste), stable across renders. */
  extra?: ReturnType<typeof EditorView.domEventHandlers>;
  onCreateEditor?: (view: EditorView) => void;
}

/**
 * The body editor: CodeMirror with Markdown or HTML highlighting, line
 * wrapping for long Chinese paragraphs, and a hidden field that carries the
 * text in the form post.
 */
export function CodeEditor({ id, name, label, value, language, onChange, describedBy, invalid, extra, onCreateEditor }: CodeEditorProps) {
  const extensions = useMemo(
    () => [
      language === 'html' ? html() : markdown(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({
        id,
        'aria-label': label,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
      }),
      ...(extra ? [extra] : []),
    ],
    [id, label, language, describedBy, invalid, extra],
  );
  return (
    <>
      <CodeMirror
        className="code-editor"
        value={value}
        onChange={onChange}
        extensions={extensions}
        onCreateEditor={onCreateEditor}
        minHeight="28rem"
        basicSetup={{ foldGutter: false, highlightActiveLineGutter: false }}
      />
      <input type="hidden" name={name} value={value} />
    </>
  );
}
