import { describe, expect, it } from 'vitest';
import type { NextConfig } from 'next';
// @ts-expect-error -- a plain ES module without types; read as Next reads it.
import config from '@/next.config.mjs';
import { MAX_UPLOAD_BYTES } from './upload-limits';

/** Next's own size parser ('201mb' → bytes), as its config loader uses it. */
const toBytes = (size: string | number) => {
  if (typeof size === 'number') return size;
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)$/i.exec(size);
  if (!match) throw new Error(`unreadable size ${size}`);
  return Number(match[1]) * 1024 ** ['b', 'kb', 'mb', 'gb'].indexOf(match[2]!.toLowerCase());
};

const nextConfig = config as NextConfig;

describe('upload limits', () => {
  // Next's default server-action body limit is 1 MB and proxy.ts cuts what it buffers at 10 MB:
  // without these, an upload the form allows fails with the error page or arrives cut.
  it('lets a server action and proxy.ts take a whole upload with its multipart framing', () => {
    const experimental = nextConfig.experimental ?? {};
    for (const limit of [experimental.serverActions?.bodySizeLimit, experimental.proxyClientMaxBodySize]) {
      expect(limit).toBeDefined();
      expect(toBytes(limit!)).toBeGreaterThanOrEqual(MAX_UPLOAD_BYTES + 64 * 1024);
    }
  });
});
