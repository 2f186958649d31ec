/** Next.js hands dynamic params over percent-encoded; decode exactly once, tolerating bad escapes. */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A page number from a `/page/[n]` segment: an integer from 2 up, else null. */
export function parsePageParam(value: string): number | null {
  if (!/^[1-9]\d{0,6}$/.test(value)) return null;
  const page = Number(value);
  return page >= 2 ? page : null;
}
