'use client';

import { termAction } from '@/lib/posts/tag-actions';
import { TermNameInput } from './term-name-input.client';
import { ClientButton } from './client-button.client';

type Kind = 'tag' | 'category';
const LABELS: Record<Kind, string> = { tag: '标签', category: '分类' };

interface TermLine {
  id: number;
  name: string;
  posts: number;
}

interface TermFormsProps {
  kind: Kind;
  term: TermLine;
  /** Where the list is (search and page), so the page comes back to it after the action. */
  q?: string;
  page: number;
}

/** What a merge does, said before it is done (it cannot be undone). */
export function mergeWarning(kind: Kind, term: TermLine, target: string): string {
  const redirect = kind === 'tag' ? `，它的网址跳转到“${target}”` : '';
  return `把“${term.name}”合并到“${target}”：${term.posts} 篇文章改用“${target}”，每篇记下一个新版本；“${term.name}”被删除${redirect}。合并不能撤销。确定合并？`;
}

function Place({ kind, term, q, page, intent }: TermFormsProps & { intent: string }) {
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={term.id} />
      <input type="hidden" name="intent" value={intent} />
      {q ? <input type="hidden" name="q" value={q} /> : null}
      <input type="hidden" name="page" value={page} />
    </>
  );
}

/** Rename, merge (through a searchable picker) and, for a term no post carries, delete; each asks first when it cannot be undone. */
export function TermForms(props: TermFormsProps) {
  const { kind, term } = props;
  return (
    <div className="inline-fields">
      <form action={termAction} aria-label={`给“${term.name}”改名`}>
        <Place {...props} intent="rename" />
        <input name="name" defaultValue={term.name} aria-label={`“${term.name}”的新名称`} required />
        <button type="submit">改名</button>
      </form>
      <form
        action={termAction}
        aria-label={`合并“${term.name}”`}
        onSubmit={(event) => {
          const target = String(new FormData(event.currentTarget).get('targetName') ?? '').trim();
          if (!confirm(mergeWarning(kind, term, target))) event.preventDefault();
        }}
      >
        <Place {...props} intent="merge" />
        <TermNameInput kind={kind} name="targetName" label={`把“${term.name}”合并到`} required placeholder={`搜索${LABELS[kind]}…`} exclude={term.id} />
        <ClientButton type="submit">合并</ClientButton>
      </form>
      {term.posts === 0 ? (
        <form
          action={termAction}
          aria-label={`删除“${term.name}”`}
          onSubmit={(event) => {
            if (!confirm(`删除没有文章使用的${LABELS[kind]}“${term.name}”？`)) event.preventDefault();
          }}
        >
          <Place {...props} intent="delete" />
          <ClientButton type="submit">删除</ClientButton>
        </form>
      ) : null}
    </div>
  );
}
