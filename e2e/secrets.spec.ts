import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { samples } from './fixtures';
import { ADMIN_STATE, ensureUser } from './users';

/** Every file a browser can download from the build. */
function clientFiles(dir = '.next/static'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? clientFiles(full) : [full];
  });
}

function secrets(): Record<string, string> {
  const found: Record<string, string> = {};
  const credentials = `${process.env.E2E_PG_DIR ?? '.data/e2e-postgres'}.credentials.json`;
  if (existsSync(credentials)) found['database password'] = (JSON.parse(readFileSync(credentials, 'utf8')) as { password: string }).password;
  if (existsSync('.data/auth-secret')) {
    found['auth secret'] = readFileSync('.data/auth-secret', 'utf8').trim();
  }
  return found;
}

const LEAKS = [/postgres(ql)?:\/\/[^\s"']+:[^\s"']+@/, /\$argon2id\$/, /DATABASE_URL=/, /NEXTAUTH_SECRET=/];

test('no secret is in the client bundles or in any page a browser receives', async ({ browser, request }) => {
  const known = secrets();
  expect(Object.keys(known)).toEqual(expect.arrayContaining(['database password', 'auth secret']));
  const problems: string[] = [];
  const check = (where: string, text: string) => {
    for (const [name, value] of Object.entries(known)) if (text.includes(value)) problems.push(`${where} contains the ${name}`);
    for (const pattern of LEAKS) if (pattern.test(text)) problems.push(`${where} matches ${pattern}`);
  };
  const files = clientFiles();
  expect(files.length).toBeGreaterThan(5);
  for (const file of files) check(file, readFileSync(file, 'latin1'));
  for (const url of ['/', `/posts/${samples.rag.slug}`, '/feed.xml', '/sitemap.xml', '/sitemaps/posts-0.xml', '/search?q=RAG', '/admin/login']) check(url, await (await request.get(url)).text());
  const admin = await browser.newContext({ storageState: ADMIN_STATE });
  for (const url of ['/admin', '/admin/users', '/admin/posts/1', '/admin/posts/1/history']) check(`${url} (admin)`, await (await admin.request.get(url)).text());
  await admin.close();
  expect(problems).toEqual([]);
});

test('a password typed before the sign-in page runs its script never goes into a URL', async ({ browser }) => {
  // Without script the form would fall back to a GET of the page, with the password in its query.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto('/admin/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeDisabled();
  await page.getByLabel('邮箱').fill('someone@example.com');
  await page.getByLabel('密码').fill('typed-too-early');
  await page.getByLabel('密码').press('Enter');
  await page.waitForTimeout(500);
  expect(requested.filter((url) => url.includes('typed-too-early'))).toEqual([]);
  expect(new URL(page.url()).search).toBe('');
  await context.close();
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: ADMIN_STATE });
  const cookies = await admin.cookies();
  const session = cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  await admin.close();
});

test('a server action posted from another origin is refused', async ({ browser }) => {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName: string }>;
  };
  const [previewId] = Object.entries(manifest.node).find(([, a]) => a.exportedName === 'previewAction')!;
  const admin = await browser.newContext({ storageState: ADMIN_STATE });
  const call = (origin: string) =>
    admin.request.post('/admin/posts/1', {
      headers: { 'next-action': previewId, origin, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8' },
      data: JSON.stringify(['markdown', '**同源**', 't']),
    });
  const same = await call(new URL(test.info().project.use.baseURL!).origin);
  expect(same.status()).toBe(200);
  expect(await same.text()).toContain('<strong>同源</strong>');
  const forged = await call('https://evil.example');
  expect(forged.status()).not.toBe(200);
  expect(await forged.text()).not.toContain('<strong>同源</strong>');
  await admin.close();
});

test('behind an HTTPS proxy the session cookie is __Secure-, Secure, HttpOnly and SameSite, and the admin accepts it', async ({ baseURL }) => {
  const user = { email: 'https-e2e@example.com', password: 'https e2e password 1' };
  await ensureUser(user, 'editor');
  const https = { 'x-forwarded-proto': 'https' };
  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers: https });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const signIn = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...https, cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, json: 'true' }),
  });
  const session = signIn.headers.getSetCookie().find((c) => c.includes('session-token'));
  expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
  expect(session).toMatch(/; Secure/i);
  expect(session).toMatch(/; HttpOnly/i);
  expect(session).toMatch(/; SameSite=Lax/i);
  const admin = await fetch(`${baseURL}/admin`, { redirect: 'manual', headers: { ...https, cookie: session!.split(';')[0]! } });
  expect(admin.status).toBe(200);
});
