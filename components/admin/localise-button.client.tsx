'use client';

import { useState } from 'react';
import { localisePostImagesAction } from '@/lib/media/localise-actions';
import type { LocalisePostReport } from '@/lib/media/localise-post';
import { ClientButton } from './client-button.client';

/** Brings the post's remote images home, and says what happened to each. */
export function LocaliseImagesButton({ postId }: { postId: number }) {
  const [pending, setPending] = useState(false);
  const [report, setReport] = useState<LocalisePostReport | { error: string }>();
  return (
    <div className="localise-images">
      <ClientButton
        type="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setReport(await localisePostImagesAction(postId).catch(() => ({ error: '网络或服务器暂时不可用' })));
          setPending(false);
        }}
      >
        {pending ? '正在下载远程图片…' : '把远程图片搬回本站'}
      </ClientButton>
      {report ? (
        <div role="status">
          {'error' in report ? (
            <p>{report.error}</p>
          ) : (
            <>
              <p>
                {report.images.length === 0
                  ? '正文中没有远程图片。'
                  : report.version
                    ? `已保存为版本 ${report.version}（修改说明里保留了原网址）。`
                    : report.conflict
                      ? '有人同时保存了这篇文章：请刷新后再试。'
                      : '没有图片搬回本站。'}
                {'version' in report && report.version ? <a href="">重新载入编辑器</a> : null}
              </p>
              <ul>
                {report.images.map((image) => (
                  <li key={image.url}>
                    {image.url}：{image.localUrl ? `✓ ${image.localUrl}` : `✗ ${image.error}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
