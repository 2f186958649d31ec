import type { AdminPostFilter } from '@/lib/posts/admin-list';
import { TermNameInput } from './term-name-input.client';

interface PostFiltersProps {
  filter: AdminPostFilter;
  authors: { id: number; email: string; name: string | null }[];
}

/** The admin list's filters: a GET form, so every filtered list has its own URL. */
export function PostFilters({ filter, authors }: PostFiltersProps) {
  return (
    <form className="admin-filters" role="search" aria-label="筛选文章">
      {filter.view ? <input type="hidden" name="view" value={filter.view} /> : null}
      <label>
        搜索 <input type="search" name="q" defaultValue={filter.q} placeholder="标题或正文中的词" />
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
        标签 <TermNameInput kind="tag" name="tag" label="标签" defaultValue={filter.tag} placeholder="标签名" />
      </label>
      <label>
        分类 <TermNameInput kind="category" name="category" label="分类" defaultValue={filter.category} placeholder="分类名" />
      </label>
      <label>
        作者
        <select name="author" defaultValue={filter.author ?? ''}>
          <option value="">全部</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name ?? a.email}
            </option>
          ))}
        </select>
      </label>
      <label>
        发布于 <input type="date" name="from" defaultValue={filter.from} aria-label="发布日期起" />
      </label>
      <label>
        至 <input type="date" name="to" defaultValue={filter.to} aria-label="发布日期止" />
      </label>
      <label>
        排序
        <select name="sort" defaultValue={filter.sort ?? (filter.q ? 'relevance' : 'updated')}>
          {filter.q ? <option value="relevance">相关度</option> : null}
          <option value="updated">最近修改</option>
          <option value="published">发布时间</option>
          <option value="title">标题（拼音）</option>
        </select>
      </label>
      <button type="submit">筛选</button>
    </form>
  );
}
