import { formatPostDate, isoWithOffset } from '@/lib/posts/format';

interface PostMetaProps {
  post: { publishedAt: Date; utcOffset: number; readingMinutes?: number };
}

export function PostMeta({ post }: PostMetaProps) {
  return (
    <p className="post-meta">
      <time dateTime={isoWithOffset(post)}>{formatPostDate(post)}</time>
      {post.readingMinutes ? <span> · 约 {post.readingMinutes} 分钟读完</span> : null}
    </p>
  );
}
