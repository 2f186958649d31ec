import Link from 'next/link';
import { MAX_CANDIDATES, searchPosts } from '@/lib/search/public';
import { postsPerPage } from '@/lib/settings/read';
import { postPath } from '@/lib/site';
import { Highlighted } from './highlighted';
import { PostMeta } from './post-meta';
import { SearchSuggestions } from './search-suggestions';

interface SearchResultsProps {
  params: Record<string, string | string[] | undefined>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export async function SearchResults({ params }: SearchResultsProps) {
  const query = first(params.q).trim().slice(0, 200);
  const perPage = await postsPerPage();
  const page = Math.max(1, Math.min(Math.ceil(MAX_CANDIDATES / perPage), Number.parseInt(first(params.page), 10) || 1));
  const result = query ? await searchPosts(query, page, perPage) : null;
  return (
    <>
      <form action="/search" role="search" className="search-form">
        <label htmlFor="search-q">搜索文章</label>
        <input id="search-q" name="q" type="search" defaultValue={query} placeholder="例如：RAG、提示词、AIGC 应用" />
        <button type="submit">搜索</button>
      </form>
      {result ? (
        <section aria-labelledby="results-title" aria-live="polite">
          <h2 id="results-title">
            {result.capped
              ? `与「${query}」相关的文章超过 ${result.total} 篇，以下按相关度排列最新的 ${result.total} 篇；加上更多关键词可以缩小范围`
              : result.total
                ? `找到 ${result.total} 篇与「${query}」相关的文章`
                : `没有找到与「${query}」相关的文章`}
          </h2>
          <ol className="search-results">
            {result.items.map((hit) => (
              <li key={hit.slug}>
                <h3>
                  <Link href={postPath(hit.slug)}>
                    <Highlighted parts={hit.title} />
                  </Link>
                </h3>
                <PostMeta post={hit} />
                <p className="snippet">
                  …<Highlighted parts={hit.snippet} />…
                </p>
              </li>
            ))}
          </ol>
          <SearchPagination query={query} page={result.page} pageCount={result.pageCount} />
          {result.total ? null : <SearchSuggestions nested />}
        </section>
      ) : (
        <SearchSuggestions />
      )}
    </>
  );
}

function SearchPagination({ query, page, pageCount }: { query: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (n: number) => `/search?q=${encodeURIComponent(query)}${n > 1 ? `&page=${n}` : ''}`;
  return (
    <nav className="pagination" aria-label="搜索结果分页">
      {page > 1 ? <Link href={href(page - 1)}>← 上一页</Link> : null}
      <span>
        第 {page} / {pageCount} 页
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>下一页 →</Link> : null}
    </nav>
  );
}
