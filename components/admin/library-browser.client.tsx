'use client';

import { useEffect, useState, type KeyboardEvent } from 'react';
import { listPickerImagesAction } from '@/lib/media/actions';
import type { PickerImage } from '@/lib/media/views';

interface LibraryBrowserProps {
  id: string;
  label: string;
  selected: string;
  onPick: (image: PickerImage) => void;
}

/** The media library's images, newest first, a page at a time, searchable by file name; a click picks one. */
export function LibraryBrowser({ id, label, selected, onPick }: LibraryBrowserProps) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<{ q: string; items: PickerImage[]; page: number; more: boolean } | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);

  type Answer = Awaited<ReturnType<typeof listPickerImagesAction>>;
  const ask = (q: string, page: number): Promise<Answer> => listPickerImagesAction(q, page).catch(() => ({ error: '网络或服务器暂时不可用' }));

  function show(q: string, page: number, result: Answer) {
    setLoading(false);
    if ('error' in result) return setError(result.error);
    setError('');
    setShown((before) => ({ q, page, more: result.more, items: page && before ? [...before.items, ...result.items] : result.items }));
  }

  async function load(q: string, page: number) {
    setLoading(true);
    show(q, page, await ask(q, page));
  }

  // The newest images, once, when the library is opened.
  useEffect(() => {
    let open = true;
    void ask('', 0).then((result) => open && show('', 0, result));
    return () => {
      open = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening
  }, []);

  // The search box sits inside the settings form: Enter searches instead of saving.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void load(query.trim(), 0);
  };

  return (
    <div id={id} className="library-browser" role="region" aria-label={`为${label}选择图片`}>
      <p className="inline-fields">
        <label>
          按文件名搜索 <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onKeyDown} />
        </label>
        <button type="button" onClick={() => void load(query.trim(), 0)}>
          搜索
        </button>
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {shown && !shown.items.length ? <p>{shown.q ? '没有找到匹配的图片。' : '媒体库里还没有图片，可以上传一张。'}</p> : null}
      <ul className="library-grid">
        {shown?.items.map((image) => (
          <li key={image.url}>
            <button type="button" aria-pressed={image.url === selected} onClick={() => onPick(image)} title={`${image.width}×${image.height}`}>
              {/* eslint-disable-next-line @next/next/no-img-element -- a file of our own media library */}
              <img src={image.thumb} alt="" width={96} height={Math.max(1, Math.round((96 * image.height) / image.width))} loading="lazy" />
              <span>选择 {image.filename}</span>
            </button>
          </li>
        ))}
      </ul>
      {shown?.more ? (
        <button type="button" disabled={loading} onClick={() => void load(shown.q, shown.page + 1)}>
          {loading ? '正在载入…' : '更多图片'}
        </button>
      ) : null}
    </div>
  );
}
