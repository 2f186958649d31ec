import { buildRssFeed } from '@/lib/feed';
import { feedSite } from '@/lib/settings/read';
import { listFeedPosts } from '@/lib/posts/public';

/**
 * /feed.xml as a browser asks for it (the web server sends a navigation here): the same
 * feed as text/xml, which browsers render through its XSLT stylesheet, where they show
 * application/rss+xml as raw text.
 */
export async function GET() {
  const xml = buildRssFeed(await listFeedPosts(), await feedSite());
  return new Response(xml, { headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
}
