import type { Metadata } from 'next';
import Link from 'next/link';
import { MediaDeleteForm, MediaUploadForm } from '@/components/admin/media-forms.client';
import { requireEditor } from '@/lib/auth/session';
import { listImages, usageOf } from '@/lib/media/library';
import { mediaUrl } from '@/lib/media/views';

export const metadata: Metadata = { title: '媒体库' };

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

export default async function MediaPage({ searchParams }: PageProps<'/admin/media'>) {
  await requireEditor();
  const q = String((await searchParams).q ?? '').slice(0, 200);
  const items = await listImages(q);
  const usage = await usageOf(items.map((i) => i.hash));
  return (
    <>
      <h1>媒体库</h1>
      <MediaUploadForm />
      <form role="search" className="inline-fields" action="/admin/media">
        <label>
          按文件名搜索 <input name="q" type="search" defaultValue={q} />
        </label>
        <button type="submit">搜索</button>
      </form>
      <table className="admin-table">
        <caption className="visually-hidden">图片</caption>
        <thead>
          <tr>
            <th scope="col">图片</th>
            <th scope="col">文件</th>
            <th scope="col">使用于</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const thumb = item.variants.find((v) => v.type === 'image/webp') ?? item.variants[0]!;
            const posts = usage.get(item.hash) ?? [];
            return (
              <tr key={item.id}>
                <td>
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own immutable variants */}
                  <img src={mediaUrl(thumb.key)} alt="" width={96} height={Math.round((96 * item.height) / item.width)} loading="lazy" />
                </td>
                <td>
                  {item.filename}
                  <br />
                  <small>
                    {item.width}×{item.height} · {kb(item.bytes)} · <code>{item.url}</code>
                  </small>
                </td>
                <td>
                  {posts.length ? (
                    <ul className="plain-list">
                      {posts.map((p) => (
                        <li key={p.id}>
                          <Link href={`/admin/posts/${p.id}`}>{p.title}</Link>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    '未使用'
                  )}
                </td>
                <td>
                  <MediaDeleteForm id={item.id} filename={item.filename} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {items.length === 0 ? <p>{q ? '没有找到匹配的图片。' : '还没有图片。在编辑器中插入，或在这里上传。'}</p> : null}
    </>
  );
}
