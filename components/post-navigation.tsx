import Link from 'next/link';
import type { Neighbours } from '@/lib/posts/public';
import { postPath } from '@/lib/site';

interface PostNavigationProps {
  neighbours: Neighbours;
  related: { slug: string; title: string }[];
}

export function PostNavigation({ neighbours, related }: PostNavigationProps) {
  return (
    <>
      {neighbours.older || neighbours.newer ? (
        <nav className="post-nav" aria-label="上一篇与下一篇">
          {neighbours.older ? (
            <Link href={postPath(neighbours.older.slug)} rel="prev">
              <span>上一篇</span>
              {neighbours.older.title}
            </Link>
          ) : null}
          {neighbours.newer ? (
            <Link href={postPath(neighbours.newer.slug)} rel="next">
              <span>下一篇</span>
              {neighbours.newer.title}
            </Link>
          ) : null}
        </nav>
      ) : null}
      {related.length ? (
        <section className="related" aria-labelledby="related-title">
          <h2 id="related-title">相关文章</h2>
          <ul>
            {related.map((post) => (
              <li key={post.slug}>
                <Link href={postPath(post.slug)}>{post.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
