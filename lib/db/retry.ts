/**
 * Postgres aborts one of two transactions that wait on each other's rows (a deadlock, 40P01) or
 * that a serializable check refuses (40001); Prisma reports either as P2034. Such a transaction
 * did nothing, so running it again is safe and is what the user wanted.
 */
export function isRetryableConflict(error: unknown): boolean {
  const { code, message, cause } = (error ?? {}) as { code?: unknown; message?: unknown; cause?: unknown };
  if (code === 'P2034' || code === '40P01' || code === '40001') return true;
  if (typeof message === 'string' && /deadlock detected|could not serialize access|\b40P01\b|\b40001\b/.test(message)) return true;
  return cause !== undefined && cause !== error && isRetryableConflict(cause);
}

/** Runs a transaction, once more when Postgres aborted it for a deadlock or a serialization failure. */
export async function retryingConflicts<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
    }
  }
}
