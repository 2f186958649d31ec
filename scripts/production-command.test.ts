import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_NODE_ARGS } from './production-command';

describe('the production command', () => {
  it('is what npm start runs', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(['node', ...PRODUCTION_NODE_ARGS].join(' '));
  });
});
