import { expect, type BrowserContext, type Page } from '@playwright/test';
import { vectorNumbersIn } from '../../test/xss/vectors';

const HIT = 'XSS-HIT:';

export interface Finding {
  where: string;
  what: string;
}

/** Runs in every frame before any page script: each sink records its argument in `__xssHits` and the console. */
function instrumentSinks() {
  const record = (n: unknown) => {
    const w = window as unknown as { __xssHits?: unknown[] };
    w.__xssHits = (w.__xssHits ?? []).concat(n);
    console.log(`XSS-HIT:${String(n)}`);
  };
  Object.defineProperty(window, '__xss', { value: record, configurable: false, writable: false });
  window.alert = window.confirm = window.prompt = record as never;
}

/** Markup that could run code: handlers and script URLs anywhere, risky elements inside rendered bodies. */
function auditDom(): string[] {
  // Attributes that navigate or load a document; javascript: in an image's src is inert.
  const urlAttributes = ['href', 'action', 'formaction', 'xlink:href', 'data', 'codebase'];
  const documentSrc = ['iframe', 'frame', 'embed', 'script', 'object'];
  const risky =
    'script,style,iframe,frame,frameset,object,embed,applet,base,meta,link,form,button,textarea,select,svg,math,template,noscript,xmp,title,isindex,keygen,marquee,plaintext';
  const scriptUrl = (value: string) =>
    /^(?:javascript|vbscript|data):/i.test(
      value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, ''),
    );
  const found: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    for (const { name, value } of el.attributes) {
      const n = name.toLowerCase();
      const loads =
        urlAttributes.includes(n) || (n === 'src' && documentSrc.includes(el.localName));
      if (n.startsWith('on') || n === 'srcdoc' || (loads && scriptUrl(value)))
        found.push(`<${el.localName} ${name}="${value.slice(0, 160)}">`);
    }
  }
  for (const el of document.querySelectorAll(`.prose :is(${risky})`))
    found.push(`<${el.localName}> in a rendered body: ${el.outerHTML.slice(0, 160)}`);
  return found;
}

/** Called once a page has loaded; may return more URLs to open (the next page of a list, a term's page). */
export type Ready = (page: Page) => Promise<string[] | void>;

/**
 * Opens every URL (and every URL `ready` adds) a few tabs at a time, with the
 * sinks instrumented, and returns what fired or was left able to fire.
 */
export async function sweep(
  context: BrowserContext,
  urls: string[],
  ready?: Ready,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  await context.addInitScript(instrumentSinks);
  // Broken images fail at once instead of costing a 404 page each: onerror still fires.
  await context.route(
    (url) => !url.pathname.startsWith('/_next/'),
    (route) =>
      ['image', 'media'].includes(route.request().resourceType())
        ? route.abort()
        : route.fallback(),
  );
  const seen = new Set(urls);
  const queue = [...seen];
  let busy = 0;

  async function tab() {
    const page = await context.newPage();
    let where = '';
    page.on('console', (message) => {
      if (message.text().startsWith(HIT))
        findings.push({ where, what: `__xss(${message.text().slice(HIT.length)}) called` });
    });
    page.on('dialog', (dialog) => {
      findings.push({ where, what: `${dialog.type()}(${dialog.message()})` });
      void dialog.dismiss();
    });
    for (;;) {
      const url = queue.shift();
      if (!url) {
        if (!busy) break;
        await page.waitForTimeout(50);
        continue;
      }
      busy++;
      where = url;
      try {
        const response = await page.goto(url);
        expect(response?.status(), url).toBeLessThan(400);
        for (const more of (await ready?.(page)) ?? []) {
          if (!seen.has(more)) queue.push(more);
          seen.add(more);
        }
        // Lazy images below the fold would never fire their onerror.
        await page.evaluate(() =>
          document.querySelectorAll('img').forEach((img) => (img.loading = 'eager')),
        );
        await page.waitForTimeout(150);
        for (const what of await page.evaluate(auditDom)) findings.push({ where: url, what });
        const hits = await page.evaluate(
          () => (window as unknown as { __xssHits?: unknown[] }).__xssHits ?? [],
        );
        for (const n of hits) findings.push({ where: url, what: `__xss(${String(n)}) called` });
      } finally {
        busy--;
      }
    }
    await page.close();
  }

  await Promise.all([tab(), tab(), tab()]);
  return findings;
}

/** One line per distinct finding, naming the vector: "vector 16 at /posts/x: <img onerror=…>". */
export function report(findings: Finding[]): string[] {
  const lines = findings.map((f) => {
    const numbers = vectorNumbersIn(f.what);
    return `${numbers.length ? `vector ${numbers.join(', ')}` : 'unnumbered'} at ${f.where}: ${f.what}`;
  });
  return [...new Set(lines)].sort();
}

/** The path and query of the "下一页" link of a list, if there is a next page. */
export async function nextPage(page: Page): Promise<string[]> {
  const link = page.locator('nav.pagination a', { hasText: '下一页' }).first();
  if (!(await link.count())) return [];
  const url = new URL((await link.getAttribute('href'))!, page.url());
  return [url.pathname + url.search];
}
