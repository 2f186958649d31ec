const KEY = Symbol.for('inkwell.revalidations');
const holder = globalThis as unknown as Record<symbol, number | undefined>;

/**
 * Bumped by every revalidation in this process, and by every one heard from
 * another instance through Redis (lib/cache/handlers/shared-tags.cjs). Next's
 * bundle and the web server share globalThis, so both see one count.
 */
export function noteRevalidation(): void {
  holder[KEY] = (holder[KEY] ?? 0) + 1;
}

export function revalidationGeneration(): number {
  return holder[KEY] ?? 0;
}
