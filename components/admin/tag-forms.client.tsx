'use client';

import { useActionState } from 'react';
import { tagAction } from '@/lib/posts/tag-actions';

interface TagFormsProps {
  tag: { id: number; name: string };
  others: { id: number; name: string }[];
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
      <form action={action} aria-label={`合并“${tag.name}”`}>
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
