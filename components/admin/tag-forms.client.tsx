'use client';

import { useActionState } from 'react';
import { tagAction } from '@/lib/posts/tag-actions';

interface TagLine {
  id: number;
  name: string;
  _count?: { posts: number };
}

interface TagFormsProps {
  tag: TagLine;
  others: TagLine[];
}

/** What a merge does, said before it is done (it cannot be undone). */
export function mergeWarning(tag: TagLine, target: TagLine | undefined): string {
  const count = tag._count ? `${tag._count.posts} 篇` : '所有';
  return `把“${tag.name}”合并到“${target?.name ?? '?'}”：${count}文章改用“${target?.name ?? '?'}”，每篇记下一个新版本；“${tag.name}”被删除，它的网址跳转到“${target?.name ?? '?'}”。合并不能撤销。确定合并？`;
}

export function TagForms({ tag, others }: TagFormsProps) {
  const [state, action, pending] = useActionState(tagAction, {});
  return (
    <div className="inline-fields">
      <form action={action} aria-label={`给“${tag.name}”改名`}>
        <input type="hidden" name="tagId" value={tag.id} />
        <input type="hidden" name="intent" value="rename" />
        <input name="name" defaultValue={tag.name} aria-label={`“${tag.name}”的新名称`} required />
        <button type="submit" disabled={pending}>
          改名
        </button>
      </form>
      <form
        action={action}
        aria-label={`合并“${tag.name}”`}
        onSubmit={(event) => {
          const target = others.find((o) => String(o.id) === new FormData(event.currentTarget).get('targetId'));
          if (!confirm(mergeWarning(tag, target))) event.preventDefault();
        }}
      >
        <input type="hidden" name="tagId" value={tag.id} />
        <input type="hidden" name="intent" value="merge" />
        <select name="targetId" aria-label={`把“${tag.name}”合并到`} defaultValue="">
          <option value="" disabled>
            合并到…
          </option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending}>
          合并
        </button>
      </form>
      <p role="status" aria-live="polite" className={state.error ? 'field-error' : undefined}>
        {state.error ?? state.message}
      </p>
    </div>
  );
}
