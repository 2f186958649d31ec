'use client';

import { useState } from 'react';
import { createPreviewLinkAction } from '@/lib/posts/preview-actions';
import { useSiteTimeZone } from './site-clock.client';
import { SiteTime } from './site-time';
import { ClientButton } from './client-button.client';

/** Makes a signed, expiring link that shows the saved draft to someone without an account. */
export function PreviewLinkButton({ postId }: { postId: number }) {
  const [link, setLink] = useState<{ url?: string; expiresAt?: string; error?: string }>({});
  const timeZone = useSiteTimeZone();
  return (
    <div className="preview-link">
      <ClientButton
        type="button"
        onClick={async () => {
          const result = await createPreviewLinkAction({ postId }).catch(() => ({ ok: false as const, error: '网络或服务器暂时不可用' }));
          setLink(result.ok ? { url: new URL(result.path, location.href).toString(), expiresAt: result.expiresAt } : { error: result.error });
        }}
      >
        生成预览链接
      </ClientButton>
      {link.url ? (
        <label>
          预览链接（显示已保存的版本，<SiteTime date={new Date(link.expiresAt!)} timeZone={timeZone} /> 失效，发布后失效）
          <input readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
        </label>
      ) : null}
      {link.error ? <p role="alert">{link.error}</p> : null}
    </div>
  );
}
