import type { IncomingMessage } from 'node:http';

/**
 * The site's 404 page, whole. When a page calls notFound() (a missing post or
 * tag), Next answers 404 with an empty error document that its client script
 * fills in; readers run no script, so they get the page Next renders whole for
 * a URL no route matches (`/_not-found`), asked of this same server (and so
 * cleaned like any public page), kept until the next revalidation.
 */
export const NOT_FOUND_PATH = '/_not-found';

export function createNotFoundPage(generation: () => number) {
  let kept: { generation: number; body: Promise<Buffer> } | null = null;

  async function fetchOnce(req: IncomingMessage): Promise<Buffer> {
    const { localAddress = '127.0.0.1', localPort } = req.socket;
    const host = localAddress.startsWith('::ffff:') ? localAddress.slice(7) : localAddress.includes(':') ? `[${localAddress}]` : localAddress;
    const response = await fetch(`http://${host}:${localPort}${NOT_FOUND_PATH}`, { headers: { accept: 'text/html' } });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 404) throw new Error(`/_not-found answered ${response.status}`);
    return body;
  }

  return (req: IncomingMessage): Promise<Buffer> => {
    const now = generation();
    if (kept?.generation !== now) {
      const body = fetchOnce(req);
      kept = { generation: now, body };
      body.catch(() => {
        if (kept?.body === body) kept = null;
      });
    }
    return kept.body;
  };
}
