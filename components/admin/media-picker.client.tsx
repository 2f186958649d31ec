'use client';

import { useState } from 'react';
import { uploadImageAction } from '@/lib/media/actions';
import type { PickerImage } from '@/lib/media/views';
import { LibraryBrowser } from './library-browser.client';
import { ClientButton, useHydrated } from './client-button.client';

interface MediaPickerProps {
  /** The form field that carries the chosen image's URL. */
  name: string;
  label: string;
  initial: string;
  hint: string;
  errors?: string[];
}

type Status = { message?: string; error?: string };

/** An image for a setting, chosen from the media library or uploaded to it (and then chosen). */
export function MediaPicker({ name, label, initial, hint, errors }: MediaPickerProps) {
  const [url, setUrl] = useState(initial);
  const [browsing, setBrowsing] = useState(false);
  const [status, setStatus] = useState<Status>({});
  const id = `picker-${name}`;
  const hydrated = useHydrated();

  async function upload(file: File) {
    setStatus({ message: `正在上传“${file.name}”…` });
    const form = new FormData();
    form.set('file', file);
    const result = await uploadImageAction(form).catch(() => ({ ok: false as const, error: '网络或服务器暂时不可用' }));
    if (!result.ok) return setStatus({ error: `“${file.name}”：${result.error}` });
    setUrl(result.item.url);
    setBrowsing(false);
    setStatus({ message: `已上传到媒体库并选中“${file.name}”，保存设置后生效。` });
  }

  const pick = (image: PickerImage) => {
    setUrl(image.url);
    setBrowsing(false);
    setStatus({ message: `已选中“${image.filename}”，保存设置后生效。` });
  };

  return (
    <fieldset className="field media-picker" aria-describedby={`${id}-hint ${id}-error`} aria-invalid={errors?.length ? true : undefined}>
      <legend>{label}</legend>
      <input type="hidden" name={name} value={url} />
      <p className="media-picker-current">
        {url ? (
          <>
            {/* eslint-disable-next-line @next/next/no-img-element -- a file of our own media library */}
            <img src={url} alt={`当前的${label}`} height={48} />
            <code>{url}</code>
          </>
        ) : (
          '未设置'
        )}
      </p>
      <p className="inline-fields">
        <ClientButton type="button" aria-expanded={browsing} aria-controls={`${id}-library`} onClick={() => setBrowsing(!browsing)}>
          {browsing ? '收起媒体库' : '从媒体库选择…'}
        </ClientButton>
        <label className="button-like">
          上传新图片…
          <input
            type="file"
            disabled={!hydrated}
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
            className="visually-hidden"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void upload(file);
            }}
          />
        </label>
        {url ? (
          <ClientButton type="button" onClick={() => (setUrl(''), setStatus({ message: `已清除${label}，保存设置后生效。` }))}>
            清除
          </ClientButton>
        ) : null}
      </p>
      {browsing ? <LibraryBrowser id={`${id}-library`} label={label} selected={url} onPick={pick} /> : null}
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {/* Not a status role: the form's own status says whether the settings were saved. */}
      <p role={status.error ? 'alert' : undefined} aria-live="polite" className={status.error ? 'field-error' : undefined}>
        {status.error ?? status.message}
      </p>
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {errors?.join('；')}
      </p>
    </fieldset>
  );
}
