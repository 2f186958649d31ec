import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { ensureEmbeddedPostgres } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { TEMPLATE_DATABASE, withAdminClient } from './database';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/**
 * One Postgres for the whole run: TEST_DATABASE_URL (a server where we may create
 * databases) or a fresh embedded one. A migrated template makes each test
 * database a cheap copy.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    // One directory per run, so two runs (a developer's and a helper's) never share a cluster.
    const dir = `.data/test-postgres-${process.pid}`;
    const embedded = await ensureEmbeddedPostgres(dir);
    adminUrl = embedded.url.replace(/\/[^/]*$/, '/postgres');
    stop = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
      await rm(`${dir}.credentials.json`, { force: true });
    };
  }
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  await migrate(adminUrl.replace(/\/[^/]*$/, `/${TEMPLATE_DATABASE}`));
  project.provide('adminDatabaseUrl', adminUrl);
  return stop;
}
