import { expect, test, type Page } from '@playwright/test';
import { elementsWithNonce, samples } from './fixtures';
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
  const publicPages = [
    ...['/', `/posts/${samples.rag.slug}`, '/tags', '/archive', '/search?q=RAG'].map((path) => [path, 200] as const),
    // A missing post (the page calls notFound()) and a URL no route matches: the whole 404 page, no script.
    ...['/posts/no-such-post', '/tags/no-such-tag', '/no/such/page'].map((path) => [path, 404] as const),
  ];
  for (const [path, status] of publicPages) {
    test(`${path}: no script at all, and a policy that allows none`, async ({ request }) => {
      for (let i = 0; i < 2; i++) {
        const res = await request.get(path, { headers: { accept: 'text/html' } });
        expect(res.status()).toBe(status);
        const policy = res.headers()['content-security-policy'];
        expect(policy).toContain("script-src 'none'");
        expect(policy).toContain("frame-ancestors 'none'");
        const html = await res.text();
        expect(scriptNonces(html)).toEqual([]);
        // Parsed: article text (or a tag name) may well say `nonce=`.
        expect(elementsWithNonce(html)).toEqual([]);
        expect(html).not.toContain('self.__next_f');
        if (status === 404) expect(html).toContain('页面不存在（404）');
      }
    });
  }

  for (const path of ['/admin/login']) {
    test(`${path}: a nonce new for every response, on every script`, async ({ request }) => {
      const seen = new Set<string>();
      for (let i = 0; i < 3; i++) {
        const res = await request.get(path, { headers: { accept: 'text/html' } });
        expect(res.status()).toBe(200);
        const policy = res.headers()['content-security-policy'];
        expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
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

  test('an article reads the same with JavaScript off, and injected inline script is refused', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/posts/${samples.rag.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(samples.rag.title);
    await expect(page.locator('.prose p').first()).toBeVisible();
    await page.getByRole('link', { name: '标签', exact: true }).first().click();
    await expect(page).toHaveURL(/\/tags$/);
    await context.close();

    const scripted = await browser.newPage();
    const violations = await watchViolations(scripted);
    await scripted.goto(`/posts/${samples.rag.slug}`);
    // What a sanitizer bypass would look like: the browser refuses to run it.
    const ran = await scripted.evaluate(async () => {
      document.body.insertAdjacentHTML('beforeend', '<img src="/nope.png" onerror="window.__csp_canary = 1">');
      await new Promise((r) => setTimeout(r, 300));
      return (window as unknown as { __csp_canary?: number }).__csp_canary;
    });
    expect(ran).toBeUndefined();
    expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
    await scripted.close();
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
