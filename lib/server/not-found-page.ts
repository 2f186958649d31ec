import type { Upstream } from './upstream';

/**
 * The site's 404 page, whole. When a page calls notFound() (a missing post or
 * tag), Next answers 404 with an empty error document that its client script
 * fills in; readers run no script, so they get the page Next renders whole for
 * a URL no route matches (`/_not-found`), asked of Next through the same socket
 * as every request (and so cleaned like any public page), kept until the next
 * revalidation.
 */
export const NOT_FOUND_PATH = '/_not-found';

export function createNotFoundPage(generation: () => number, next: Pick<Upstream, 'fetch'>) {
  let kept: { generation: number; body: Promise<Buffer> } | null = null;

  async function fetchOnce(): Promise<Buffer> {
    const response = await next.fetch({ method: 'GET', path: NOT_FOUND_PATH, headers: { accept: 'text/html' } });
    if (response.status !== 404) throw new Error(`${NOT_FOUND_PATH} answered ${response.status}`);
    return response.body;
  }

  return (): Promise<Buffer> => {
    const now = generation();
    if (kept?.generation !== now) {
      const body = fetchOnce();
      kept = { generation: now, body };
      body.catch(() => {
        if (kept?.body === body) kept = null;
      });
    }
    return kept.body;
  };
}
