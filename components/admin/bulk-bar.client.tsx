'use client';

import { useState, type FormEvent } from 'react';
import { bulkPostsAction } from '@/lib/posts/bulk-actions';
import { TermNameInput } from './term-name-input.client';
import { ClientButton } from './client-button.client';

export const BULK_FORM = 'bulk-posts';

const OPERATIONS = { publish: '发布', unpublish: '撤回为草稿', trash: '移到回收站', restore: '移出回收站', 'add-tag': '添加标签', 'remove-tag': '移除标签' } as const;
type Operation = keyof typeof OPERATIONS;

/** The ticked posts' one action, asked once: how many posts and what will happen to them. */
export function BulkBar({ back, trash }: { back: string; trash: boolean }) {
  const [operation, setOperation] = useState<Operation>(trash ? 'restore' : 'publish');
  const ask = (event: FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    const count = data.getAll('ids').length;
    const tag = String(data.get('tag') ?? '').trim();
    const what = `${OPERATIONS[operation]}${operation.endsWith('tag') ? `“${tag}”` : ''}`;
    if (!count) {
      alert('请先勾选文章。');
      event.preventDefault();
    } else if (!confirm(`对所选 ${count} 篇文章${what}？${operation === 'trash' ? '它们会从网站上消失，可在回收站恢复。' : '每篇文章记下一个新版本。'}`)) {
      event.preventDefault();
    }
  };
  const choices = (trash ? ['restore'] : ['publish', 'unpublish', 'trash', 'add-tag', 'remove-tag']) as Operation[];
  return (
    <form id={BULK_FORM} action={bulkPostsAction} onSubmit={ask} className="admin-filters" aria-label="批量操作">
      <input type="hidden" name="back" value={back} />
      <label>
        对所选文章
        <select name="operation" value={operation} onChange={(e) => setOperation(e.currentTarget.value as Operation)}>
          {choices.map((o) => (
            <option key={o} value={o}>
              {OPERATIONS[o]}
            </option>
          ))}
        </select>
      </label>
      {operation.endsWith('tag') ? <TermNameInput kind="tag" name="tag" label="标签名" required placeholder="标签名" /> : null}
      <ClientButton type="submit">执行</ClientButton>
    </form>
  );
}

/** Ticks or unticks every post on the page. */
export function SelectAll() {
  return (
    <input
      type="checkbox"
      aria-label="全选本页"
      onChange={(event) => {
        for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM}"][name="ids"]`)) box.checked = event.currentTarget.checked;
      }}
    />
  );
}
