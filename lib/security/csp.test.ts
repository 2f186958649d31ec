import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonceRewriter, freshNonce, renderNonce, rewriteNonces } from './csp';

const placeholder = renderNonce('secret');
const nonce = freshNonce();

/** What a cached page looks like: Next's nonced scripts, React's unnonced ones, and a body. */
const page = [
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/0-9q.js"/>`,
  `<script src="/_next/static/chunks/a.js" async="" nonce="${placeholder}"></script>`,
  `<main><p>文章正文 nonce 与 id="_R_"</p></main>`,
  `<script>requestAnimationFrame(function(){$RT=performance.now()});</script>`,
  `<script src="/_next/static/chunks/0-9q.js" id="_R_" async=""></script>`,
  `<script nonce="${placeholder}">self.__next_f.push([1,"{\\"nonce\\":\\"${placeholder}\\"}"])</script>`,
].join('');

function stream(html: string, size: number): string {
  const rewriter = createNonceRewriter(placeholder, nonce);
  const bytes = Buffer.from(html);
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(rewriter.push(bytes.subarray(at, at + size)));
  return Buffer.concat([...parts, rewriter.end()]).toString();
}

describe('per-response CSP nonces', () => {
  it('gives every script Next emitted, and only those, this response’s nonce', () => {
    const out = rewriteNonces(page, placeholder, nonce);
    expect(out).not.toContain(placeholder);
    const scripts = [...out.matchAll(/<(script|link)\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts).toHaveLength(5);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(out).toContain('<p>文章正文 nonce 与 id="_R_"</p>');
  });

  it('is the same however the stream is cut, even inside a character', () => {
    const expected = rewriteNonces(page, placeholder, nonce);
    for (let size = 1; size <= 64; size++) expect(stream(page, size)).toBe(expected);
    expect(stream(page, 100_000)).toBe(expected);
  });

  it('leaves injected script without a nonce', () => {
    const injected = `<script>alert(1)</script><script src="https://evil.example/x.js" id="_R_" async=""></script><img src=x onerror="alert(1)">`;
    expect(rewriteNonces(injected, placeholder, nonce)).toBe(injected);
  });

  it('derives the same placeholder on every instance from the shared secret, and a fresh nonce per response', () => {
    expect(renderNonce('secret')).toBe(placeholder);
    expect(renderNonce('other')).not.toBe(placeholder);
    expect(freshNonce()).not.toBe(freshNonce());
  });

  it('allows scripts only by nonce and forbids framing', () => {
    const policy = contentSecurityPolicy(nonce);
    const scripts = policy.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
