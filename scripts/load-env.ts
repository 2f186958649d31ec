import { existsSync } from 'node:fs';

// Like Next.js, read .env.local then .env; variables already set in the shell win.
for (const file of ['.env.local', '.env']) {
  if (existsSync(file)) process.loadEnvFile(file);
}
