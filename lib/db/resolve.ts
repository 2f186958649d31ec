import { readEnv } from '@/lib/env';
import { ensureEmbeddedPostgres } from './embedded';
import { redactUrl } from './url';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * `DATABASE_URL` when set; otherwise the embedded Postgres that `npm start` runs
 * (found through its pid file), started here when nothing runs. Sets
 * `process.env.DATABASE_URL` so `lib/db` connects to the same place, and says which.
 */
export async function resolveDatabase(log: (message: string) => void = console.log): Promise<ResolvedDatabase> {
  const env = readEnv();
  if (env.DATABASE_URL) {
    log(`Database: ${redactUrl(env.DATABASE_URL)}`);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const embedded = await ensureEmbeddedPostgres(env.EMBEDDED_PG_DIR, { port: env.EMBEDDED_PG_PORT, log });
  process.env.DATABASE_URL = embedded.url;
  const how = embedded.owned ? 'started' : 'already running';
  log(`Database: embedded Postgres (${how}, data in ${env.EMBEDDED_PG_DIR}) at ${redactUrl(embedded.url)}`);
  return { url: embedded.url, embedded: true, stop: embedded.stop };
}
