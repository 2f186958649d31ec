import type { Metadata } from 'next';
import { ImportForm } from '@/components/admin/import-form.client';
import { requireEditor } from '@/lib/auth/session';

export const metadata: Metadata = { title: '导入导出' };

export default async function ImportPage() {
  await requireEditor();
  return (
    <>
      <h1>导入导出</h1>
      <ImportForm />
      <h2>导出</h2>
      <p>
        <a href="/admin/export" download>
          下载全部文章（zip，每篇一个带文件头的文章文件）
        </a>
      </p>
    </>
  );
}
