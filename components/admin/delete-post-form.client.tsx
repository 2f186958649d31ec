'use client';

import { useState } from 'react';

interface DeletePostFormProps {
  postId: number;
  title: string;
  action: (formData: FormData) => Promise<void>;
}

/** Permanent deletion, only once the post's title has been typed: it takes every revision with it. */
export function DeletePostForm({ postId, title, action }: DeletePostFormProps) {
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === title.trim();
  return (
    <details className="danger-zone">
      <summary>永久删除（含全部修订）…</summary>
      <form action={action}>
        <input type="hidden" name="postId" value={postId} />
        <p id="delete-post-hint">这篇文章和它的全部修订会被删除，不能恢复。请输入文章标题“{title}”以确认。</p>
        <label>
          文章标题
          <input name="confirmTitle" value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby="delete-post-hint" autoComplete="off" />
        </label>
        <button type="submit" className="danger" disabled={!matches}>
          永久删除（含全部修订）
        </button>
      </form>
    </details>
  );
}
