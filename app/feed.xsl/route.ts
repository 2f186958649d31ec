import { FEED_STYLESHEET } from '@/lib/feed-stylesheet';

export function GET() {
  return new Response(FEED_STYLESHEET, { headers: { 'Content-Type': 'text/xsl; charset=utf-8' } });
}
