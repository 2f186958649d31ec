'use client';

import { EditorView } from '@codemirror/view';
import { useCallback, useState, type RefObject } from 'react';
import { uploadImageAction } from '@/lib/media/actions';
import { MAX_IMAGE_BYTES } from '@/lib/media/limits';
import { imageSnippet } from '@/lib/media/views';

const imagesIn = (list: FileList | null | undefined) =>
  [...(list ?? [])].filter((f) => f.type.startsWith('image/') || f.type === '');

/** Dropped or pasted image files go to `onFiles` (with where to put them) instead of into the text. */
export function imageDropExtension(onFiles: (files: File[], at: number) => void) {
  return EditorView.domEventHandlers({
    drop(event, view) {
      const files = imagesIn(event.dataTransfer?.files);
      if (!files.length) return false;
      event.preventDefault();
      onFiles(
        files,
        view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head,
      );
      return true;
    },
    paste(event, view) {
      const files = imagesIn(event.clipboardData?.files);
      if (!files.length) return false;
      event.preventDefault();
      onFiles(files, view.state.selection.main.head);
      return true;
    },
  });
}

/**
 * Uploads images to the media library and inserts their markup into the body
 * where they were dropped, pasted or the cursor was, after asking for alt text.
 */
export function useImageInsert(view: RefObject<EditorView | null>) {
  const [status, setStatus] = useState<{ message?: string; error?: string }>({});

  const insert = useCallback(
    async (files: File[], at?: number) => {
      for (const file of files) {
        if (file.size > MAX_IMAGE_BYTES) {
          setStatus({
            error: `“${file.name}”太大：图片不能超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB`,
          });
          continue;
        }
        const alt = prompt(
          `“${file.name}”的替代文字（给看不到图片的读者）：`,
          file.name.replace(/\.[^.]+$/, ''),
        );
        if (alt === null) continue;
        setStatus({ message: `正在上传“${file.name}”…` });
        const form = new FormData();
        form.set('file', file);
        let result;
        try {
          result = await uploadImageAction(form);
        } catch {
          setStatus({
            error: `“${file.name}”没有上传成功（网络或服务器暂时不可用），请稍后再试。`,
          });
          continue;
        }
        if (!result.ok) {
          setStatus({ error: `“${file.name}”：${result.error}` });
          continue;
        }
        const editor = view.current;
        if (!editor) return;
        const pos = Math.min(at ?? editor.state.selection.main.head, editor.state.doc.length);
        const text = imageSnippet(result.item, alt.trim());
        editor.dispatch({
          changes: { from: pos, insert: text },
          selection: { anchor: pos + text.length },
        });
        at = pos + text.length;
        setStatus({
          message: `已插入“${file.name}”（${result.item.width}×${result.item.height}）。`,
        });
      }
    },
    [view],
  );

  return { insert, status };
}

interface ImageButtonProps {
  onFiles: (files: File[]) => void;
  status: { message?: string; error?: string };
}

export function ImageUploadButton({ onFiles, status }: ImageButtonProps) {
  return (
    <div className="image-upload">
      <label className="button-like">
        插入图片…
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          multiple
          className="visually-hidden"
          onChange={(event) => {
            const files = imagesIn(event.currentTarget.files);
            event.currentTarget.value = '';
            if (files.length) onFiles(files);
          }}
        />
      </label>
      <span>可拖入或粘贴图片到正文。</span>
      <p
        role={status.error ? 'alert' : 'status'}
        className={status.error ? 'field-error' : undefined}
      >
        {status.error ?? status.message}
      </p>
    </div>
  );
}
