import type { IncomingMessage, ServerResponse } from 'node:http';
import type next from 'next';
import { invalidationVersion } from '@/lib/cache/generation';
import { contentSecurityPolicy } from '@/lib/security/csp';
import { createNotFoundPage } from './not-found-page';
import { createPublicRenderer, isPublicUrl, isRouterRequest, SELF_CACHED_URL } from './public-responses';
import type { Upstream } from './upstream';

type NextApp = ReturnType<typeof next>;

/**
 * Next's side of the web server: requests relayed by the front thread
 * (front.ts), which has already secured, limited and classified them. Public
 * pages are rendered whole and without scripts (public-responses.ts);
 * everything else goes straight to Next, with a script-free policy that
 * proxy.ts replaces by a nonce policy for admin pages.
 */
export function createRequestHandler(app: NextApp, self: Pick<Upstream, 'fetch'>): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = app.getRequestHandler();
  const renderPublic = createPublicRenderer(createNotFoundPage(invalidationVersion, self));
  return (req, res) => {
    if (req.method === 'GET' && isPublicUrl(req.url) && !isRouterRequest(req) && !SELF_CACHED_URL.test(req.url ?? '/')) {
      return renderPublic(req, res, () => void handle(req, res));
    }
    if (req.url?.startsWith('/preview/')) res.setHeader('x-robots-tag', 'noindex, nofollow');
    res.setHeader('content-security-policy', contentSecurityPolicy(null));
    void handle(req, res);
  };
}
