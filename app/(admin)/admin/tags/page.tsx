import type { Metadata } from 'next';
import Link from 'next/link';
import { TagForms } from '@/components/admin/tag-forms.client';
import { requireEditor } from '@/lib/auth/session';
import { listTagsForAdmin } from '@/lib/terms/admin';

export const metadata: Metadata = { title: '标签' };

export default async function AdminTagsPage() {
  await requireEditor();
  const tags = await listTagsForAdmin();
  return (
    <>
      <h1>标签</h1>
      <p>改名保留标签网址；合并后旧标签的网址 301 跳转到目标标签。受影响的文章都会记下一个新版本。</p>
      <table className="admin-table">
        <caption className="visually-hidden">全部标签</caption>
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">文章数</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <tr key={tag.id}>
              <td>
                <Link href={`/admin?tag=${encodeURIComponent(tag.slug)}`}>{tag.name}</Link>
              </td>
              <td>{tag._count.posts}</td>
              <td>
                <TagForms tag={tag} others={tags.filter((t) => t.id !== tag.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
