import { describe, expect, it } from 'vitest';
import { publicOriginWarning } from './public-origin';

describe('npm start in production', () => {
  it('warns when no public origin is configured, and only then', () => {
    expect(publicOriginWarning(undefined, null)).toMatch(/localhost/);
    expect(publicOriginWarning('https://a.example', null)).toBeNull();
    expect(publicOriginWarning(undefined, 'https://a.example')).toBeNull();
  });
});
