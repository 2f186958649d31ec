import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, freshNonce } from './csp';

describe('Content-Security-Policy', () => {
  it('allows scripts only by nonce and forbids framing', () => {
    const nonce = freshNonce();
    const scripts = contentSecurityPolicy(nonce).split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy(nonce)).toContain("frame-ancestors 'none'");
  });

  it('allows no script at all without a nonce, and never repeats a nonce', () => {
    expect(contentSecurityPolicy(null)).toContain("script-src 'none'");
    expect(freshNonce()).not.toBe(freshNonce());
  });
});
