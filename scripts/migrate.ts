import './load-env';
import { resolveDatabase } from '@/lib/db/resolve';
import { migrate } from '@/lib/db/migrate';
import { runCli } from './cli';

await runCli(async () => {
  const database = await resolveDatabase();
  const result = await migrate(database.url, { log: console.log });
  if (!result.applied.length) console.log(`Database is up to date (${result.alreadyApplied} migrations applied).`);
  return 0;
});
