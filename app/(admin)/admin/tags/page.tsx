import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { AdminPagination } from '@/components/admin/admin-pagination';
import { TermForms } from '@/components/admin/tag-forms.client';
import { requireEditor } from '@/lib/auth/session';
import { listTermsForAdmin } from '@/lib/terms/admin';

export const metadata: Metadata = { title: '标签与分类' };

const querySchema = z.object({
  kind: z.enum(['tag', 'category']).catch('tag'),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  notice: z.string().max(500).optional().catch(undefined),
  error: z.string().max(500).optional().catch(undefined),
});

const LABELS = { tag: '标签', category: '分类' } as const;

export default async function AdminTermsPage({ searchParams }: PageProps<'/admin/tags'>) {
  await requireEditor();
  const query = querySchema.parse(Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const { kind, q } = query;
  const list = await listTermsForAdmin(kind, query);
  const hrefFor = (page: number) => `/admin/tags?${new URLSearchParams({ kind, ...(q ? { q } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  // Never a page past the last: the list shrinks as terms are merged and deleted.
  if (query.page && query.page !== list.page) redirect(hrefFor(list.page));
  const label = LABELS[kind];
  return (
    <>
      <h1>标签与分类</h1>
      <nav aria-label="标签或分类" className="admin-tabs">
        <Link href="/admin/tags?kind=tag" aria-current={kind === 'tag' ? 'page' : undefined}>
          标签
        </Link>{' '}
        <Link href="/admin/tags?kind=category" aria-current={kind === 'category' ? 'page' : undefined}>
          分类
        </Link>
      </nav>
      <p>
        改名保留网址；合并后受影响的文章都会记下一个新版本{kind === 'tag' ? '，旧标签的网址 301 跳转到目标标签' : ''}。没有文章使用的{label}可以删除。
      </p>
      {query.notice || query.error ? (
        <p role={query.error ? 'alert' : 'status'} className={query.error ? 'field-error' : 'notice'}>
          {query.error ?? query.notice}
        </p>
      ) : null}
      <form className="admin-filters" role="search" aria-label={`搜索${label}`}>
        <input type="hidden" name="kind" value={kind} />
        <label>
          名称包含 <input type="search" name="q" defaultValue={q} />
        </label>
        <button type="submit">搜索</button>
      </form>
      <p>共 {list.total} 个{label}</p>
      <table className="admin-table">
        <caption className="visually-hidden">{label}列表</caption>
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">文章数</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((term) => (
            <tr key={term.id}>
              <td>
                <Link href={`/admin?${kind}=${encodeURIComponent(term.name)}`}>{term.name}</Link>
              </td>
              <td>{term.posts}</td>
              <td>
                <TermForms kind={kind} term={term} q={q} page={list.page} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AdminPagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} params={{ kind, q }} action="/admin/tags" />
    </>
  );
}
