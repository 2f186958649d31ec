import { buildRssFeed } from '@/lib/feed';
import { listFeedPosts } from '@/lib/posts/public';

export async function GET() {
  const xml = buildRssFeed(await listFeedPosts());
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
