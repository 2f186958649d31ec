const LOCAL = Symbol.for('inkwell.revalidations');
const SHARED = Symbol.for('inkwell.sharedCacheTags');
const holder = globalThis as unknown as Record<symbol, number | { state: { generation: number } } | undefined>;

/** Every revalidation in this process bumps it (Next's bundle and the web server share globalThis). */
export function noteRevalidation(): void {
  holder[LOCAL] = ((holder[LOCAL] as number | undefined) ?? 0) + 1;
}

/**
 * Changes whenever any instance revalidated anything: this process's own count
 * plus those heard through Redis (lib/cache/handlers/shared-tags.cjs).
 */
export function revalidationGeneration(): number {
  const shared = holder[SHARED] as { state: { generation: number } } | undefined;
  return ((holder[LOCAL] as number | undefined) ?? 0) + (shared?.state.generation ?? 0);
}
