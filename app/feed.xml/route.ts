import { buildRssFeed } from '@/lib/feed';
import { feedSite } from '@/lib/settings/read';
import { listFeedPosts } from '@/lib/posts/public';

export async function GET() {
  const xml = buildRssFeed(await listFeedPosts(), await feedSite());
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
