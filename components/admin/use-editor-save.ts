'use client';

import { useActionState, useRef, useState, type RefObject } from 'react';
import { savePostAction } from '@/lib/posts/actions';
import type { EditorState } from '@/lib/posts/editor-state';
import { isNavigationSignal } from './use-autosave';

export const OFFLINE_MESSAGE =
  '保存没有送达（网络或服务器暂时不可用）。你的修改仍在编辑器中，稍后自动重试。';

/**
 * The editor's save: the server action, and when it cannot reach the server
 * (network or server gone) a message beside the button and another try after a
 * growing pause (2 s … 30 s), until one gets through.
 */
export function useEditorSave(form: RefObject<HTMLFormElement | null>) {
  const retries = useRef({ failures: 0, timer: 0 });
  const [offline, setOffline] = useState(false);
  const [state, dispatch, pending] = useActionState<EditorState, FormData>(
    async (previous, formData) => {
      window.clearTimeout(retries.current.timer);
      try {
        const next = await savePostAction(previous, formData);
        retries.current.failures = 0;
        setOffline(false);
        return next;
      } catch (error) {
        if (isNavigationSignal(error)) throw error;
        const failures = ++retries.current.failures;
        setOffline(true);
        retries.current.timer = window.setTimeout(
          () => form.current?.requestSubmit(),
          Math.min(30_000, 1000 * 2 ** failures),
        );
        return { ...previous, status: 'error', message: OFFLINE_MESSAGE };
      }
    },
    { status: 'idle' },
  );
  return { state, dispatch, pending, offline };
}
