import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

const proxyAddress = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
  error: 'must be an IP address or a CIDR range such as 10.0.0.0/8',
});

/** Comma- or space-separated addresses and CIDR ranges (reverse proxies; private image hosts). */
export const addressListSchema = z
  .string()
  .transform((value) => value.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(proxyAddress));
/** The reverse proxies in front of the app. */
export const trustedProxiesSchema = addressListSchema;

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Port of the embedded Postgres; a free one is picked when unset. */
  EMBEDDED_PG_PORT: port.optional(),
  /** Where the embedded Postgres keeps its data. */
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  PORT: port.default(3000),
  /** Public origin for absolute URLs in the feed, sitemap and canonical links. */
  SITE_URL: z.url().optional(),
  /**
   * Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; unset,
   * none: the client is the socket's peer (lib/security/client-address.ts).
   */
  TRUSTED_PROXIES: trustedProxiesSchema.default([]),
  /**
   * Private addresses remote images may be downloaded from (an intranet picture host); every other
   * loopback, private, link-local or reserved address is refused (lib/media/remote-address.ts).
   */
  IMAGE_FETCH_ALLOWED_ADDRESSES: addressListSchema.default([]),
  /** Megabytes of finished public pages each instance keeps compressed (lib/server/response-cache.ts). */
  RESPONSE_CACHE_MB: z.coerce.number().int().min(1).max(65_536).default(32),
});

export type Env = z.infer<typeof envSchema>;

/** Reads and validates the environment, naming every bad variable at once. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const blankToUndefined = Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, value === '' ? undefined : value]),
  );
  const parsed = envSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
