import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN_STATE, EDITOR_STATE, ensureUser } from './users';

/**
 * Every admin page, route handler and server action, read from the build's own
 * manifests (so a new one cannot be forgotten), called directly as each kind of
 * user. Only refusals are exercised; allowed actions are not run.
 */
type Role = 'anonymous' | 'disabled' | 'editor' | 'admin';
type Target = { kind: 'page' | 'handler' | 'action'; name: string; path: string; actionId?: string };

const ADMIN_ONLY_FILES = ['app/(admin)/admin/users/', 'app/(admin)/admin/settings/'];
const ADMIN_ONLY_PATHS = ['/admin/users', '/admin/settings'];
const ADMIN_ONLY_ACTIONS = ['deletePostAction'];

const urlOf = (appPath: string) =>
  appPath
    .replace(/\/\([^)]+\)/g, '')
    .replace(/\/(page|route)$/, '')
    .replace(/\[id\]/g, '1') || '/';

function targets(): Target[] {
  const paths = Object.keys(JSON.parse(readFileSync('.next/server/app-paths-manifest.json', 'utf8')) as Record<string, string>);
  const admin = paths.filter((p) => p.startsWith('/(admin)/') && urlOf(p).startsWith('/admin'));
  const pages: Target[] = admin.filter((p) => p.endsWith('/page')).map((p) => ({ kind: 'page', name: urlOf(p), path: urlOf(p) }));
  const handlers: Target[] = admin.filter((p) => p.endsWith('/route')).map((p) => ({ kind: 'handler', name: urlOf(p), path: urlOf(p) }));
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  const actions: Target[] = Object.entries(manifest.node)
    .filter(([, a]) => !a.exportedName.startsWith('$$RSC_SERVER_CACHE'))
    .map(([id, a]) => ({ kind: 'action', name: `${a.filename.replace('app/(admin)/admin/', '')}#${a.exportedName}`, path: urlOf(`/${Object.keys(a.workers)[0]!.replace(/^app\//, '')}`), actionId: id }));
  return [...pages, ...handlers, ...actions];
}

const isAdminOnly = (t: Target) =>
  ADMIN_ONLY_FILES.some((f) => t.name.includes(f.replace('app/(admin)/admin/', ''))) ||
  ADMIN_ONLY_PATHS.some((p) => t.path.startsWith(p)) ||
  ADMIN_ONLY_ACTIONS.some((a) => t.name.endsWith(`#${a}`));

async function call(request: APIRequestContext, target: Target) {
  if (target.kind !== 'action') return request.get(target.path, { maxRedirects: 0 });
  return request.post(target.path, { headers: { 'next-action': target.actionId!, accept: 'text/x-component' }, multipart: { '0': '[]' }, maxRedirects: 0 });
}

function expected(role: Role, target: Target): number[] | 'allowed' {
  if (role === 'anonymous' || role === 'disabled') return target.kind === 'action' ? [401] : [307];
  if (role === 'editor' && isAdminOnly(target)) return [403];
  return 'allowed';
}

test('the access-control matrix holds for every admin page, handler and action', async ({ playwright, browser }) => {
  test.setTimeout(120_000);
  const all = targets();
  expect(all.filter((t) => t.kind === 'action').length).toBeGreaterThanOrEqual(9);
  expect(all.some((t) => t.path === '/admin/users')).toBe(true);

  const disabledUser = { email: `matrix-${Date.now()}@example.com`, password: 'a long enough password' };
  await ensureUser(disabledUser, 'editor');
  const disabledContext = await browser.newContext();
  const page = await disabledContext.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('邮箱').fill(disabledUser.email);
  await page.getByLabel('密码').fill(disabledUser.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '文章' })).toBeVisible();
  const adminContext = await browser.newContext({ storageState: ADMIN_STATE });
  const adminPage = await adminContext.newPage();
  await adminPage.goto('/admin/users');
  adminPage.once('dialog', (dialog) => void dialog.accept());
  await adminPage.getByRole('button', { name: `停用 ${disabledUser.email}` }).click();
  await expect(adminPage.getByRole('button', { name: `启用 ${disabledUser.email}` })).toBeVisible();

  const contexts: Record<Role, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL: test.info().project.use.baseURL }),
    disabled: disabledContext.request,
    editor: await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: EDITOR_STATE }),
    admin: adminContext.request,
  };

  const rows: string[] = [];
  const failures: string[] = [];
  for (const target of all) {
    const cells: string[] = [];
    for (const role of ['anonymous', 'disabled', 'editor', 'admin'] as Role[]) {
      const want = expected(role, target);
      if (want === 'allowed' && target.kind === 'action') {
        cells.push('allowed (not run)');
        continue;
      }
      const response = await call(contexts[role], target);
      const status = response.status();
      cells.push(String(status));
      const body = await response.text();
      if (want === 'allowed' ? status !== 200 : !want.includes(status)) failures.push(`${role} ${target.kind} ${target.name}: got ${status}, wanted ${want}`);
      if (want !== 'allowed' && /password_hash|passwordHash|\$argon2/.test(body)) failures.push(`${role} ${target.name}: refusal leaks data`);
    }
    rows.push(`| ${target.kind} | ${target.name} | ${cells.join(' | ')} |`);
  }
  console.log(['| kind | target | anonymous | disabled | editor | admin |', '|---|---|---|---|---|---|', ...rows].join('\n'));
  expect(failures).toEqual([]);
  await disabledContext.close();
  await adminContext.close();
});
