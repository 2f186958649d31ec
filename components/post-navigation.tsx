import Link from 'next/link';
import type { Neighbours } from '@/lib/posts/public';
import { postPath } from '@/lib/site';

interface PostNavigationProps {
  neighbours: Neighbours;
  related: { slug: string; title: string }[];
}

export function PostNavigation({ neighbours, related }: PostNavigationProps) {
  // A neighbour is linked once, as the previous or next post.
  const linked = new Set([neighbours.older?.slug, neighbours.newer?.slug]);
  const others = related.filter((post) => !linked.has(post.slug));
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
      {others.length ? (
        <section className="related" aria-label="相关文章">
          <h2>相关文章</h2>
          <ul>
            {others.map((post) => (
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
