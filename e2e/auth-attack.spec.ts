import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { connect } from './database';
import { sessionCookie, signInByApi, signOutByApi } from './sign-in';
import { ADMIN_STATE, ensureUser } from './users';

// The attack of issue 11 on sign-in, sessions and headers, against the default configuration (no trusted proxy).
const FAILED = '邮箱或密码不正确，或账号已停用。';
const DELAYED = /请 (\d+) 秒后再试/;

async function newUser(prefix: string) {
  const user = { email: `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`, password: 'the right password' };
  await ensureUser(user, 'editor');
  return user;
}

async function throttleRows() {
  const client = await connect();
  try {
    return (await client.query<{ key: string; failures: number }>('SELECT key, failures FROM sign_in_throttles')).rows;
  } finally {
    await client.end();
  }
}

test.afterAll(async () => {
  // This spec's failures all come from 127.0.0.1: give the address back to the other specs.
  const client = await connect();
  await client.query("DELETE FROM sign_in_throttles WHERE key LIKE 'ip:%'");
  await client.end();
});

test('a client’s X-Forwarded-For neither resets nor aims the per-address count', async ({ request }) => {
  const email = `nobody-${Date.now()}@example.com`;
  const before = (await throttleRows()).find((r) => r.key === 'ip:127.0.0.1')?.failures ?? 0;
  for (const claimed of ['203.0.113.7', '203.0.113.8, 198.51.100.1']) {
    expect(await signInByApi(request, email, 'wrong', { 'x-forwarded-for': claimed, 'x-real-ip': claimed })).toBe(FAILED);
  }
  const rows = await throttleRows();
  expect(rows.map((r) => r.key).filter((k) => /203\.0\.113|198\.51\.100/.test(k))).toEqual([]);
  expect(rows.find((r) => r.key === 'ip:127.0.0.1')?.failures).toBe(before + 2);
});

test('the right password works from a known device during an attack, and from anywhere after the delay', async ({ playwright, baseURL }) => {
  test.setTimeout(60_000);
  const owner = await newUser('owner');
  const device = await playwright.request.newContext({ baseURL });
  expect(await signInByApi(device, owner.email, owner.password)).toBeNull();
  await signOutByApi(device);

  const attacker = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 5; i++) expect(await signInByApi(attacker, owner.email, `guess ${i}`)).toBe(FAILED);
  const refused = await signInByApi(attacker, owner.email, owner.password);
  expect(refused).toMatch(DELAYED);

  expect(await signInByApi(device, owner.email, owner.password)).toBeNull();
  expect((await device.get('/admin', { maxRedirects: 0 })).status()).toBe(200);
  expect(await signInByApi(attacker, owner.email, owner.password)).toMatch(DELAYED);

  const seconds = Number(refused!.match(DELAYED)![1]);
  expect(seconds).toBeLessThanOrEqual(30);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 500));
  expect(await signInByApi(attacker, owner.email, owner.password)).toBeNull();
  await device.dispose();
  await attacker.dispose();
});

async function onUsersPage(browser: Browser, run: (page: import('@playwright/test').Page) => Promise<void>) {
  const admin = await browser.newContext({ storageState: ADMIN_STATE });
  const page = await admin.newPage();
  await page.goto('/admin/users');
  await run(page);
  await admin.close();
}

const revocations: [string, (victim: APIRequestContext, email: string, browser: Browser) => Promise<void>][] = [
  ['signing out', (victim) => signOutByApi(victim)],
  [
    'a password reset',
    (_victim, email, browser) =>
      onUsersPage(browser, async (page) => {
        const row = page.getByRole('row').filter({ hasText: email });
        page.once('dialog', (dialog) => void dialog.accept());
        await row.getByRole('button', { name: '重置密码' }).click();
        await expect(row.getByText(/新密码/)).toBeVisible();
      }),
  ],
  [
    'a role change',
    (_victim, email, browser) =>
      onUsersPage(browser, async (page) => {
        const form = page.getByRole('form', { name: `${email} 的角色` });
        await form.getByLabel('角色').selectOption('admin');
        page.once('dialog', (dialog) => void dialog.accept());
        await form.getByRole('button', { name: '更改角色' }).click();
        await expect(page.getByRole('row').filter({ hasText: email }).getByText(`已把 ${email} 的角色改为管理员。`)).toBeVisible();
      }),
  ],
  [
    'disabling',
    (_victim, email, browser) =>
      onUsersPage(browser, async (page) => {
        page.once('dialog', (dialog) => void dialog.accept());
        await page.getByRole('button', { name: `停用 ${email}` }).click();
        await expect(page.getByRole('button', { name: `启用 ${email}` })).toBeVisible();
      }),
  ],
];

for (const [name, revoke] of revocations) {
  test(`after ${name}, a copy of the old session cookie no longer opens /admin`, async ({ playwright, baseURL, browser }) => {
    const user = await newUser('revoke');
    const victim = await playwright.request.newContext({ baseURL });
    expect(await signInByApi(victim, user.email, user.password)).toBeNull();
    const thief = await playwright.request.newContext({ baseURL, storageState: { cookies: [await sessionCookie(victim)], origins: [] } });
    expect((await thief.get('/admin', { maxRedirects: 0 })).status()).toBe(200);

    await revoke(victim, user.email, browser);
    expect((await thief.get('/admin', { maxRedirects: 0 })).status()).toBe(307);
    expect(await (await thief.get('/api/auth/session')).json()).toEqual({});
    await victim.dispose();
    await thief.dispose();
  });
}

test('renewing the session does not extend its absolute lifetime', async ({ playwright, baseURL }) => {
  const user = await newUser('lifetime');
  const victim = await playwright.request.newContext({ baseURL });
  expect(await signInByApi(victim, user.email, user.password)).toBeNull();
  const client = await connect();
  const expiry = async () =>
    (await client.query<{ expires_at: Date }>('SELECT s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1', [user.email])).rows[0]!.expires_at.getTime();
  const first = await expiry();
  expect(first - Date.now()).toBeGreaterThan(7.9 * 3600_000);
  for (let i = 0; i < 3; i++) expect((await (await victim.get('/api/auth/session')).json()).user).toBeTruthy();
  expect(await expiry()).toBe(first);

  // Eight hours later, as far as the session is concerned.
  await client.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = $1)", [user.email]);
  await client.end();
  expect(await (await victim.get('/api/auth/session')).json()).toEqual({});
  expect((await victim.get('/admin', { maxRedirects: 0 })).status()).toBe(307);
  await victim.dispose();
});

test('admin responses, the export included, are never stored', async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, storageState: ADMIN_STATE });
  for (const [path, headers] of [['/admin', {}], ['/admin', { rsc: '1' }], ['/admin/users', {}], ['/admin/export', {}], ['/admin/export?id=1', {}], ['/admin/login', {}]] as const) {
    const response = await admin.get(path, { headers, maxRedirects: 0 });
    expect(response.headers()['cache-control'], path).toMatch(/^private, no-store/);
  }
  await admin.dispose();
});

test('no HSTS when X-Forwarded-Proto comes from a client rather than a trusted proxy', async ({ request }) => {
  for (const path of ['/', '/admin/login', '/api/health']) {
    const response = await request.get(path, { headers: { 'x-forwarded-proto': 'https' }, maxRedirects: 0 });
    expect(response.headers()['strict-transport-security'], path).toBeUndefined();
  }
});
