'use client';

import type { EditorView } from '@codemirror/view';
import { useEffect, useMemo, useRef, useState } from 'react';
import { previewAction } from '@/lib/posts/actions';
import type { EditorState } from '@/lib/posts/editor-state';
import { CodeEditor } from './code-editor.client';
import { Field } from './field';
import { imageDropExtension, ImageUploadButton, useImageInsert } from './image-insert.client';
import { BodyToolbar, formattingKeymap, syncScroll } from './writing-aids.client';

type Format = 'markdown' | 'mdx' | 'html';

interface BodyPaneProps {
  format: Format;
  onFormat: (format: Format) => void;
  body: string;
  onBody: (body: string) => void;
  errors: EditorState['errors'];
  /** For the preview's heading ids. */
  title: string;
}

/**
 * The body: format, toolbar (Ctrl/⌘+B, I, K), live length, the editor beside
 * its preview on wide screens with scroll kept in step, and images by button,
 * drop or paste.
 */
export function BodyPane({ format, onFormat, body, onBody, errors, title }: BodyPaneProps) {
  const viewRef = useRef<EditorView | null>(null);
  const previewRef = useRef<HTMLElement>(null);
  const [preview, setPreview] = useState<{ html?: string; error?: string }>({});
  const { insert: insertImages, status } = useImageInsert(viewRef);
  const bodyExtensions = useMemo(
    () => [
      imageDropExtension((files, at) => void insertImages(files, at)),
      formattingKeymap(format),
    ],
    [insertImages, format],
  );

  useEffect(() => {
    const timer = setTimeout(() => {
      void previewAction(format, body, title).then(setPreview, () => {});
    }, 500);
    return () => clearTimeout(timer);
    // The title only names heading ids: a new one waits for the next body change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [format, body]);

  return (
    <div className="editor-body">
      <Field name="format" label="正文格式" errors={errors?.format}>
        {(p) => (
          <select
            {...p}
            name="format"
            value={format}
            onChange={(e) => onFormat(e.target.value as Format)}
          >
            <option value="markdown">Markdown</option>
            <option value="mdx">MDX</option>
            <option value="html">HTML</option>
          </select>
        )}
      </Field>
      <BodyToolbar view={viewRef} format={format} body={body} />
      <div className="editor-panes">
        <Field
          name="body"
          label="正文"
          errors={errors?.body}
          hint="Ctrl/⌘+S 保存；Ctrl/⌘+B 粗体、I 斜体、K 链接。"
        >
          {(p) => (
            <CodeEditor
              id={p.id}
              name="body"
              label="正文"
              value={body}
              language={format}
              describedBy={p['aria-describedby']}
              invalid={p['aria-invalid']}
              onChange={onBody}
              extra={bodyExtensions}
              onCreateEditor={(view) => {
                viewRef.current = view;
                view.scrollDOM.addEventListener(
                  'scroll',
                  () => syncScroll(view, previewRef.current),
                  { passive: true },
                );
              }}
            />
          )}
        </Field>
        <section className="preview" aria-labelledby="preview-title" ref={previewRef}>
          <h2 id="preview-title">预览</h2>
          {preview.error ? (
            <p className="field-error" role="alert">
              {preview.error}
            </p>
          ) : (
            <div className="prose" dangerouslySetInnerHTML={{ __html: preview.html ?? '' }} />
          )}
        </section>
      </div>
      <ImageUploadButton onFiles={(files) => void insertImages(files)} status={status} />
    </div>
  );
}
