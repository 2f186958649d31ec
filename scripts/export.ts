import './load-env';
import { parseArgs } from 'node:util';
import { exportPosts } from '@/lib/posts/export';
import { migrate } from '@/lib/db/migrate';
import { resolveDatabase } from '@/lib/db/resolve';
import { runCli } from './cli';

await runCli(async () => {
  const { values, positionals } = parseArgs({
    options: { 'include-trashed': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [dir] = positionals;
  if (!dir || positionals.length > 1) {
    console.error('Usage: npm run content:export -- [--include-trashed] <directory>');
    return 2;
  }
  const database = await resolveDatabase();
  await migrate(database.url);
  const written = await exportPosts(dir, { includeTrashed: values['include-trashed'] });
  console.log(`Exported ${written.length} posts to ${dir}`);
  return 0;
});
