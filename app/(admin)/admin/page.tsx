import Link from 'next/link';
import { z } from 'zod';
import { requireEditor } from '@/lib/auth/session';
import { listAdminPosts } from '@/lib/posts/admin-queries';
import { formatPostDate } from '@/lib/posts/format';

const filterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(['draft', 'published', 'scheduled']).optional().catch(undefined),
  tag: z.string().max(200).optional().catch(undefined),
  sort: z.enum(['updated', 'published', 'title']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  view: z.enum(['trash']).optional().catch(undefined),
});

const STATUS_LABELS = { draft: '草稿', published: '已发布', scheduled: '定时' } as const;

export default async function AdminPostsPage({ searchParams }: PageProps<'/admin'>) {
  await requireEditor();
  const filter = filterSchema.parse(Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const { posts, total, page, pageCount } = await listAdminPosts(filter);
  const query = (patch: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams(Object.entries({ ...filter, ...patch }).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
    return `/admin?${params}`;
  };
  return (
    <>
      <h1>{filter.view === 'trash' ? '回收站' : '文章'}</h1>
      <form className="admin-filters" role="search" aria-label="筛选文章">
        {filter.view ? <input type="hidden" name="view" value={filter.view} /> : null}
        <label>
          搜索 <input type="search" name="q" defaultValue={filter.q} />
        </label>
        <label>
          状态
          <select name="status" defaultValue={filter.status ?? ''}>
            <option value="">全部</option>
            <option value="published">已发布</option>
            <option value="draft">草稿</option>
            <option value="scheduled">定时</option>
          </select>
        </label>
        <label>
          标签 <input name="tag" defaultValue={filter.tag} placeholder="标签别名" />
        </label>
        <label>
          排序
          <select name="sort" defaultValue={filter.sort ?? 'updated'}>
            <option value="updated">最近修改</option>
            <option value="published">发布时间</option>
            <option value="title">标题</option>
          </select>
        </label>
        <button type="submit">筛选</button>
        <Link href={filter.view === 'trash' ? '/admin' : '/admin?view=trash'}>{filter.view === 'trash' ? '返回文章' : '回收站'}</Link>
      </form>
      <p>共 {total} 篇</p>
      <table className="admin-table">
        <caption className="visually-hidden">文章列表</caption>
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">状态</th>
            <th scope="col">发布时间</th>
            <th scope="col">标签</th>
            <th scope="col">版本</th>
          </tr>
        </thead>
        <tbody>
          {posts.map((post) => (
            <tr key={post.id}>
              <td>
                <Link href={`/admin/posts/${post.id}`}>{post.title}</Link>
              </td>
              <td>{post.deletedAt ? '回收站' : STATUS_LABELS[post.status]}</td>
              <td>{formatPostDate(post)}</td>
              <td>{post.tags.map((t) => t.tag.name).join('、')}</td>
              <td>{post.version}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pageCount > 1 ? (
        <nav className="pagination" aria-label="分页">
          {page > 1 ? <Link href={query({ page: page - 1 })}>← 上一页</Link> : null}
          <span>
            第 {page} / {pageCount} 页
          </span>
          {page < pageCount ? <Link href={query({ page: page + 1 })}>下一页 →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
