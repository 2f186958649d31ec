import Link from 'next/link';
import type { PostSummary } from '@/lib/listing/views';
import { excerptOf } from '@/lib/render/excerpt';
import { postPath } from '@/lib/site';
import { PostMeta } from './post-meta';
import { TermLinks } from './term-links';

interface PostListProps {
  posts: PostSummary[];
}

export function PostList({ posts }: PostListProps) {
  return (
    <ol className="post-list">
      {posts.map((post) => (
        <li key={post.id}>
          <article className="post-card">
            <h2>
              <Link href={postPath(post.slug)}>{post.title}</Link>
            </h2>
            <PostMeta post={post} />
            {post.description ? <p className="post-description">{excerptOf(post.description)}</p> : null}
            <TermLinks terms={post.tags} kind="tag" label="标签" />
          </article>
        </li>
      ))}
    </ol>
  );
}
