import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, queryRows as query } from '@/test/database';
import { migrate, MigrationError, readMigrations } from './migrate';


async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
  await cp('prisma/migrations', dir, { recursive: true });
  return dir;
}

describe('migrate', () => {
  it('applies every migration once, with Prisma Migrate bookkeeping', async () => {
    const url = await createTestDatabase({ migrated: false });
    const files = await readMigrations('prisma/migrations');
    const first = await migrate(url);
    expect(first.applied).toEqual(files.map((f) => f.name));

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null }>(
      url,
      'SELECT * FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const [init] = files;
    const bytes = await readFile(path.join('prisma/migrations', init!.name, 'migration.sql'));
    expect(rows[0]).toMatchObject({
      migration_name: init!.name,
      checksum: createHash('sha256').update(bytes).digest('hex'),
      applied_steps_count: 1,
      rolled_back_at: null,
    });
    expect(rows[0]!.finished_at).toBeInstanceOf(Date);

    const second = await migrate(url);
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });
  });

  it('refuses to run when an applied migration file was edited', async () => {
    const url = await createTestDatabase({ migrated: false });
    const dir = await copyOfMigrations();
    await migrate(url, { dir });
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited\n`);
    await expect(migrate(url, { dir })).rejects.toThrow(MigrationError);
    await expect(migrate(url, { dir })).rejects.toThrow(/was changed after it was applied/);
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    const url = await createTestDatabase({ migrated: false });
    const dir = await copyOfMigrations();
    await mkdir(path.join(dir, '29990101000000_broken'));
    await writeFile(
      path.join(dir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE "half_done" (id INT);\nSELECT no_such_function();\n',
    );
    await expect(migrate(url, { dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const tables = await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(tables).toEqual([]);
    const rows = await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`);
    expect(rows).toEqual([]);
  });

  it('lets two migrators race: one waits, each migration is applied exactly once', async () => {
    const url = await createTestDatabase({ migrated: false });
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const applied = results.flatMap((r) => r.applied);
    const files = await readMigrations('prisma/migrations');
    expect(applied.sort()).toEqual(files.map((f) => f.name).sort());
    const rows = await query(url, 'SELECT migration_name FROM "_prisma_migrations"');
    expect(rows).toHaveLength(files.length);
  });
});
