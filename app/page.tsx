import { connection } from 'next/server';
import { formatPostDate } from '@/lib/posts/format';
import { listPublishedPosts } from '@/lib/posts/queries';
import { siteConfig } from '@/lib/site';

export default async function HomePage() {
  await connection();
  const posts = await listPublishedPosts({ limit: 50 });
  return (
    <main>
      <h1>{siteConfig.name}</h1>
      <ul>
        {posts.map((post) => (
          <li key={post.id}>
            <span>{post.title}</span> <time dateTime={post.publishedAt.toISOString()}>{formatPostDate(post)}</time>
          </li>
        ))}
      </ul>
    </main>
  );
}
