import Link from 'next/link';
import { listPublishedPosts } from '@/lib/posts/public';
import { postsPerPage } from '@/lib/settings/read';
import { postPath, tagPath } from '@/lib/site';
import { listTermsWithCounts } from '@/lib/terms/public';

/** What to read instead, for an empty or fruitless search: the most used tags and the newest posts (both cached reads; the home page's first window, shared). */
export async function SearchSuggestions({ nested = false }: { nested?: boolean }) {
  // Under the results' heading when a query found nothing; a section of its own otherwise.
  const [Title, Sub] = nested ? (['h3', 'h4'] as const) : (['h2', 'h3'] as const);
  const [tags, recent] = await Promise.all([listTermsWithCounts('tag'), listPublishedPosts(null, await postsPerPage())]);
  const popular = tags.slice(0, 12);
  const posts = recent?.items.slice(0, 5) ?? [];
  if (!popular.length && !posts.length) return null;
  return (
    <section className="search-suggestions" aria-labelledby="suggestions-title">
      <Title id="suggestions-title">不妨看看</Title>
      {popular.length ? (
        <>
          <Sub>热门标签</Sub>
          <ul className="tag-cloud">
            {popular.map((tag) => (
              <li key={tag.slug}>
                <Link href={tagPath(tag.slug)}>#{tag.name}</Link> <span className="count">{tag.count} 篇</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {posts.length ? (
        <>
          <Sub>最新文章</Sub>
          <ul>
            {posts.map((post) => (
              <li key={post.id}>
                <Link href={postPath(post.slug)}>{post.title}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
