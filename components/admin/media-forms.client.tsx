'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { deleteImageAction, uploadImageAction } from '@/lib/media/actions';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from '@/lib/media/limits';

export function MediaUploadForm() {
  const router = useRouter();
  const [status, setStatus] = useState<{ message?: string; error?: string }>({});
  return (
    <div className="image-upload">
      <label>
        上传图片
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          onChange={async (event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (!file) return;
            setStatus({ message: `正在上传“${file.name}”…` });
            const form = new FormData();
            form.set('file', file);
            const result = await uploadImageAction(form).catch(() => ({ ok: false as const, error: '网络或服务器暂时不可用' }));
            setStatus(result.ok ? { message: `已上传“${file.name}”：${result.item.url}` } : { error: `“${file.name}”：${result.error}` });
            if (result.ok) router.refresh();
          }}
        />
      </label>
      <small>
        JPEG、PNG、WebP、GIF 或 AVIF，最大 {MAX_IMAGE_BYTES / 1024 / 1024} MB、{MAX_IMAGE_PIXELS / 1_000_000} 百万像素；不接受 SVG。
      </small>
      <p role={status.error ? 'alert' : 'status'} className={status.error ? 'field-error' : undefined}>
        {status.error ?? status.message}
      </p>
    </div>
  );
}

export function MediaDeleteForm({ id, filename }: { id: number; filename: string }) {
  const [state, action, pending] = useActionState(deleteImageAction, {});
  return (
    <form action={action} aria-label={`删除 ${filename}`}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending}>
        删除
      </button>
      <p role={state.error ? 'alert' : 'status'} className={state.error ? 'field-error' : undefined}>
        {state.error ?? state.message}
      </p>
    </form>
  );
}
