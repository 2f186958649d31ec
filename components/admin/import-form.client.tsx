'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { importAction, type ImportState } from '@/app/(admin)/admin/import/actions';

const LABELS: Record<string, string> = { imported: '新导入', updated: '已更新', unchanged: '未改动', conflict: '冲突', failed: '失败' };

export function ImportForm() {
  const [state, action, pending] = useActionState<ImportState, FormData>(importAction, {});
  return (
    <>
      <form action={action} className="form" aria-label="导入文章">
        <div className="field">
          <label htmlFor="files">文章文件（.md、.markdown、.mdx、.html、.txt，或它们的 .zip）</label>
          <input id="files" name="files" type="file" multiple accept=".md,.markdown,.mdx,.html,.htm,.txt,.zip" />
        </div>
        <label>
          <input type="checkbox" name="force" /> 覆盖在后台修改过的文章（--force）
        </label>
        <p>
          <button type="submit" disabled={pending}>
            {pending ? '正在导入…' : '导入'}
          </button>
        </p>
        <p role="alert" className="field-error">
          {state.error}
        </p>
      </form>
      {state.report ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">
            导入结果：新导入 {state.report.counts.imported}，更新 {state.report.counts.updated}，未改动 {state.report.counts.unchanged}，冲突 {state.report.counts.conflict}，失败 {state.report.counts.failed}
          </h2>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">文件</th>
                <th scope="col">结果</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {state.report.results.map((r) => (
                <tr key={r.file}>
                  <td>{r.file}</td>
                  <td>{LABELS[r.status] ?? r.status}</td>
                  <td>{r.reason ?? (r.postId ? <Link href={`/admin/posts/${r.postId}`}>/posts/{r.slug}</Link> : null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
