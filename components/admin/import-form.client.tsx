'use client';

import Link from 'next/link';
import { useActionState, useState, type FormEvent } from 'react';
import { importAction, type ImportState } from '@/lib/import/actions';
import { MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, MAX_UPLOAD_BYTES, MAX_ZIP_ENTRIES, megabytes } from '@/lib/content/upload-limits';

const LABELS: Record<string, string> = { imported: '新导入', updated: '已更新', unchanged: '未改动', conflict: '冲突', failed: '失败', skipped: '跳过' };

/** The server would refuse these whole (the request body limit): say so before sending them. */
function tooLarge(files: File[]): string | null {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_UPLOAD_BYTES) return `所选文件共 ${megabytes(total)}，一次最多上传 ${megabytes(MAX_UPLOAD_BYTES)}，请分批导入。`;
  const big = files.find((f) => !/\.zip$/i.test(f.name) && f.size > MAX_FILE_BYTES);
  return big ? `${big.name} 有 ${megabytes(big.size)}，单个文章文件最多 ${megabytes(MAX_FILE_BYTES)}。` : null;
}

export function ImportForm() {
  const [state, action, pending] = useActionState<ImportState, FormData>(importAction, {});
  const [refusal, setRefusal] = useState<string | null>(null);
  const check = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem('files') as HTMLInputElement | null;
    const reason = tooLarge([...(input?.files ?? [])]);
    setRefusal(reason);
    if (reason) event.preventDefault();
  };
  return (
    <>
      <form action={action} onSubmit={check} className="form" aria-label="导入文章">
        <div className="field">
          <label htmlFor="files">文章文件（.md、.markdown、.mdx、.html、.txt，或它们的 .zip）</label>
          <input id="files" name="files" type="file" multiple accept=".md,.markdown,.mdx,.html,.htm,.txt,.zip" aria-describedby="files-limits" />
          <p id="files-limits" className="field-hint">
            每个文章文件不超过 {megabytes(MAX_FILE_BYTES)}；zip 解压后共不超过 {megabytes(MAX_UNZIPPED_BYTES)}、最多 {MAX_ZIP_ENTRIES} 个文章文件；一次上传共不超过 {megabytes(MAX_UPLOAD_BYTES)}。
          </p>
        </div>
        <label>
          <input type="checkbox" name="force" /> 覆盖在后台修改过的文章（命令行中的 --force）
        </label>
        <p>
          <button type="submit" disabled={pending}>
            {pending ? '正在导入…' : '导入'}
          </button>
        </p>
        <p role="alert" className="field-error">
          {refusal ?? state.error}
        </p>
      </form>
      {state.report ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">
            导入结果：新导入 {state.report.counts.imported}，更新 {state.report.counts.updated}，未改动 {state.report.counts.unchanged}，冲突 {state.report.counts.conflict}，失败 {state.report.counts.failed}，跳过 {state.report.counts.skipped}
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
              {state.report.results.map((r, index) => (
                <tr key={index}>
                  <td>{r.file}</td>
                  <td>{LABELS[r.status] ?? r.status}</td>
                  <td>
                    {r.reason}
                    {r.reason && r.postId ? ' ' : null}
                    {r.postId ? <Link href={`/admin/posts/${r.postId}`}>在编辑器中打开“{r.slug}”</Link> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
