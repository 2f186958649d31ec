import { expect, test, type Page } from '@playwright/test';
import { samples } from './fixtures';
import { ADMIN_STATE } from './users';

const nonceOf = (policy: string | undefined) => /script-src[^;]*'nonce-([^']+)'/.exec(policy ?? '')?.[1];

/** Every executable <script> in the raw HTML, with its nonce attribute (JSON-LD is data, not script). */
function scriptNonces(html: string): (string | undefined)[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)]
    .filter(([, attrs]) => !/type="application\/(ld\+)?json"/.test(attrs!))
    .map(([, attrs]) => /nonce="([^"]*)"/.exec(attrs!)?.[1]);
}

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}${e.blockedURI === "eval" ? ` ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : ""}`),
    ),
  );
  return violations;
}

test.describe('Content-Security-Policy', () => {
  for (const path of ['/', `/posts/${samples.rag.slug}`, '/tags', '/admin/login']) {
    test(`${path}: a nonce new for every response, on every script, even when the page comes from the cache`, async ({ request }) => {
      const seen = new Set<string>();
      for (let i = 0; i < 3; i++) {
        const res = await request.get(path, { headers: { accept: 'text/html' } });
        expect(res.status()).toBe(200);
        const policy = res.headers()['content-security-policy'];
        expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(policy).toContain("frame-ancestors 'none'");
        const nonce = nonceOf(policy);
        expect(nonce).toBeTruthy();
        const nonces = scriptNonces(await res.text());
        expect(nonces.length).toBeGreaterThan(0);
        expect(nonces.every((n) => n === nonce)).toBe(true);
        seen.add(nonce!);
      }
      expect(seen.size).toBe(3);
    });
  }

  test('pages hydrate with no violation, and injected inline script is refused', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(`/posts/${samples.rag.slug}`);
    await page.reload();
    // Client-side navigation works only if Next's own scripts ran.
    await page.getByRole('link', { name: '标签', exact: true }).first().click();
    await expect(page).toHaveURL(/\/tags$/);
    expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe('object');
    expect(violations).toEqual([]);
    // What a sanitizer bypass would look like: the browser refuses to run it.
    const ran = await page.evaluate(async () => {
      document.body.insertAdjacentHTML('beforeend', '<img src="/nope.png" onerror="window.__csp_canary = 1">');
      await new Promise((r) => setTimeout(r, 300));
      return (window as unknown as { __csp_canary?: number }).__csp_canary;
    });
    expect(ran).toBeUndefined();
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
  });

  test('the admin editor hydrates under the policy', async ({ browser }) => {
    const context = await browser.newContext({ storageState: ADMIN_STATE });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto('/admin/posts/1');
    // The body editor (CodeMirror) exists only once React has hydrated.
    await expect(page.locator('.cm-editor').first()).toBeVisible();
    expect(violations).toEqual([]);
    await context.close();
  });
});
