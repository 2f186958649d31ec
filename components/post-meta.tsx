import { formatPostDate, isoWithOffset } from '@/lib/posts/format';

interface PostMetaProps {
  post: { publishedAt: Date; utcOffset: number; readingMinutes?: number };
  /** The byline, on the article itself. */
  author?: string;
}

export function PostMeta({ post, author }: PostMetaProps) {
  return (
    <p className="post-meta">
      {author ? <span className="byline">{author} · </span> : null}
      <time dateTime={isoWithOffset(post)}>{formatPostDate(post)}</time>
      {post.readingMinutes ? <span> · 约 {post.readingMinutes} 分钟读完</span> : null}
    </p>
  );
}
