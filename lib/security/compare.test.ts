import { describe, expect, it } from 'vitest';
import { secretsEqual } from './compare';

describe('secretsEqual', () => {
  it('compares secrets of any length and any characters without throwing', () => {
    const secret = 'x'.repeat(32);
    for (let n = 0; n <= 64; n++) {
      expect(secretsEqual('é'.repeat(n), secret)).toBe(false);
      expect(secretsEqual('x'.repeat(n), secret)).toBe(n === 32);
    }
    expect(secretsEqual('', '')).toBe(false);
    expect(secretsEqual('密钥', '密钥')).toBe(true);
  });
});
