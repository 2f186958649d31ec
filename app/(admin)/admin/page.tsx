import Link from 'next/link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { AdminPagination } from '@/components/admin/admin-pagination';
import { BULK_FORM, BulkBar, SelectAll } from '@/components/admin/bulk-bar.client';
import { PostFilters } from '@/components/admin/post-filters';
import { SiteTime } from '@/components/admin/site-time';
import { requireEditor } from '@/lib/auth/session';
import { listAdminPosts } from '@/lib/posts/admin-list';
import { formatPostDate } from '@/lib/posts/format';
import { siteTimeZone } from '@/lib/settings/time-zone';
import { listUsers } from '@/lib/users/queries';

// A real calendar day: 2024-13-45 is no filter rather than a database error.
const day = z.iso.date().optional().catch(undefined);
const filterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(['draft', 'published', 'scheduled']).optional().catch(undefined),
  tag: z.string().trim().max(200).optional().catch(undefined),
  category: z.string().trim().max(200).optional().catch(undefined),
  author: z.coerce.number().int().positive().optional().catch(undefined),
  from: day,
  to: day,
  sort: z.enum(['updated', 'published', 'title', 'relevance']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  // The neighbouring page's edge (lib/posts/admin-pager.ts); a malformed one is ignored, the page read by offset.
  after: z.string().max(600).optional().catch(undefined),
  before: z.string().max(600).optional().catch(undefined),
  view: z.enum(['trash']).optional().catch(undefined),
  notice: z.string().max(500).optional().catch(undefined),
  error: z.string().max(500).optional().catch(undefined),
});

const STATUS_LABELS = { draft: '草稿', published: '已发布', scheduled: '定时' } as const;

export default async function AdminPostsPage({ searchParams }: PageProps<'/admin'>) {
  await requireEditor();
  const given = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { notice, error, ...filter } = filterSchema.parse(Object.fromEntries(Object.entries(given).filter(([, v]) => v !== '')));
  const timeZone = await siteTimeZone();
  const [list, authors] = await Promise.all([listAdminPosts(filter, timeZone), listUsers()]);
  const { posts, total, page, pageCount } = list;
  const params = Object.fromEntries(
    Object.entries({ ...filter, page: undefined, after: undefined, before: undefined }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]),
  );
  const hrefFor = (n: number, edge?: { after?: string; before?: string }) =>
    `/admin?${new URLSearchParams({ ...params, ...(n > 1 ? { page: String(n) } : {}), ...(n > 1 && edge?.after ? { after: edge.after } : {}), ...(edge?.before && n > 1 ? { before: edge.before } : {}) })}`;
  // Never an impossible page: past the last goes to the last.
  if (filter.page && filter.page !== page) redirect(hrefFor(page));
  const trash = filter.view === 'trash';
  return (
    <>
      <h1>{trash ? '回收站' : '文章'}</h1>
      <p>
        <Link href={trash ? '/admin' : '/admin?view=trash'}>{trash ? '返回文章' : '回收站'}</Link>
      </p>
      {notice || error ? (
        <p role={error ? 'alert' : 'status'} className={error ? 'field-error' : 'notice'}>
          {error ?? notice}
        </p>
      ) : null}
      <PostFilters filter={filter} authors={authors} />
      <BulkBar back={hrefFor(page)} trash={trash} />
      <p>
        {list.capped
          ? `匹配的文章超过 ${total} 篇，这里列出最近修改的 ${total} 篇（按所选排序）；再加一个词可以缩小范围。`
          : list.exact
            ? `共 ${total} 篇`
            : `约 ${total.toLocaleString('zh-CN')} 篇（估计）`}
      </p>
      <table className="admin-table">
        <caption className="visually-hidden">文章列表</caption>
        <thead>
          <tr>
            <th scope="col">
              <SelectAll />
            </th>
            <th scope="col">标题</th>
            <th scope="col">网址别名</th>
            <th scope="col">状态</th>
            <th scope="col">作者</th>
            <th scope="col">发布日期</th>
            <th scope="col">最后修改</th>
            <th scope="col">标签</th>
          </tr>
        </thead>
        <tbody>
          {posts.map((post) => (
            <tr key={post.id}>
              <td>
                <input type="checkbox" name="ids" value={post.id} form={BULK_FORM} aria-label={`选择“${post.title}”`} />
              </td>
              <td>
                <Link href={`/admin/posts/${post.id}`}>{post.title}</Link>
              </td>
              <td>{post.slug}</td>
              <td>{post.deletedAt ? '回收站' : STATUS_LABELS[post.status]}</td>
              <td>{post.author ?? '导入'}</td>
              <td>{formatPostDate(post)}</td>
              <td>
                <SiteTime date={post.updatedAt} timeZone={timeZone} seconds={false} />
              </td>
              <td>{post.tags.join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <AdminPagination
        page={page}
        pageCount={pageCount}
        approximate={!list.exact}
        hrefFor={hrefFor}
        prevHref={list.prev ? hrefFor(page - 1, { before: list.prev }) : undefined}
        nextHref={list.next ? hrefFor(page + 1, { after: list.next }) : undefined}
        params={params}
        action="/admin"
      />
    </>
  );
}
