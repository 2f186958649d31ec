import './load-env';
import { parseArgs } from 'node:util';
import password from '@inquirer/password';
import { migrate } from '@/lib/db/migrate';
import { resolveDatabase } from '@/lib/db/resolve';
import { createUser } from '@/lib/users/mutations';
import { runCli } from './cli';

const USAGE = 'Usage: npm run user:create -- --email <email> --role admin|editor [--name <name>] [--password-stdin]';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks twice on the terminal without echoing. */
async function promptPassword(): Promise<string> {
  const first = await password({ message: 'Password', mask: true });
  const second = await password({ message: 'Repeat password', mask: true });
  if (first !== second) throw new Error('the passwords do not match');
  return first;
}

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string', default: 'editor' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  if (!values.email) {
    console.error(USAGE);
    return 2;
  }
  if (!values['password-stdin'] && !process.stdin.isTTY) {
    console.error('No terminal to ask for a password: pipe it in with --password-stdin.');
    return 2;
  }
  const secret = values['password-stdin'] ? await readStdin() : await promptPassword();
  const database = await resolveDatabase();
  await migrate(database.url);
  const user = await createUser({ email: values.email, name: values.name, role: values.role as 'admin', password: secret });
  console.log(`Created ${user.role} ${user.email} (user #${user.id}).`);
  return 0;
});
