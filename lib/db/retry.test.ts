import { describe, expect, it } from 'vitest';
import { retryingConflicts } from './retry';

describe('a transaction Postgres aborted for a deadlock', () => {
  it('runs again, and anything else fails at once', async () => {
    let runs = 0;
    const deadlock = Object.assign(new Error('Transaction failed'), { cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }) });
    expect(await retryingConflicts(async () => (++runs === 1 ? Promise.reject(deadlock) : 'saved'))).toBe('saved');
    expect(runs).toBe(2);
    runs = 0;
    await expect(retryingConflicts(async () => (++runs, Promise.reject(new Error('duplicate key'))))).rejects.toThrow('duplicate key');
    expect(runs).toBe(1);
  });
});
