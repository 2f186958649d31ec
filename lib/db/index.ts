import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client.ts';

export type Db = InstanceType<typeof PrismaClient>;

const globalForDb = globalThis as unknown as { db?: Db };

function getDb(): Db {
  if (globalForDb.db) return globalForDb.db;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm start` (which provides a database) or set DATABASE_URL.',
    );
  }
  globalForDb.db = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  return globalForDb.db;
}

/**
 * The one Prisma client. It connects on first use, not on import, so that a build
 * or a CLI can load modules before it knows which database to use.
 */
export const db: Db = new Proxy({} as Db, {
  get: (_target, property) => Reflect.get(getDb(), property),
});

/** Closes the pool so a CLI can exit. */
export async function disconnectDb(): Promise<void> {
  await globalForDb.db?.$disconnect();
  globalForDb.db = undefined;
}
