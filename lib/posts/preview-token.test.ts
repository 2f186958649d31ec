import { describe, expect, it } from 'vitest';
import { previewToken, readPreviewToken } from './preview-token';

const secret = 'a test secret for preview links';
const now = new Date('2026-12-02T00:00:00Z');
const later = new Date('2026-12-03T00:00:00Z');

describe('draft preview tokens', () => {
  it('open their post until they expire', () => {
    const token = previewToken(42, later, secret);
    expect(readPreviewToken(token, now, secret)).toEqual({ postId: 42, expiresAt: later });
    expect(readPreviewToken(token, later, secret)).toBeNull();
  });

  it('refuse a changed post id, expiry or signature, and another secret', () => {
    const token = previewToken(42, later, secret);
    const [, expires, signature] = token.split('.');
    expect(readPreviewToken(`43.${expires}.${signature}`, now, secret)).toBeNull();
    expect(readPreviewToken(`42.${Number(expires) + 3600}.${signature}`, now, secret)).toBeNull();
    expect(readPreviewToken(token, now, 'another secret')).toBeNull();
    expect(readPreviewToken(`${token}x`, now, secret)).toBeNull();
    expect(readPreviewToken('', now, secret)).toBeNull();
  });
});
