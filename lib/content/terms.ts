/** Case-insensitive identity of a tag or category name. */
export function termKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A URL slug for a name: letters and digits of any script, `+`, joined by `-`. */
export function slugify(text: string): string {
  return termKey(text)
    .replace(/[^\p{L}\p{N}\p{M}+]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Names meaning "no category". */
const NO_CATEGORY = new Set(['', '未分类', 'uncategorized']);

/**
 * The distinct names of a front-matter list, first spelling wins, in order.
 * Blank entries are dropped; for categories, so is "uncategorized".
 */
export function distinctTerms(names: readonly string[], kind: 'tag' | 'category'): string[] {
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
    const key = termKey(name);
    if (!key || (kind === 'category' && NO_CATEGORY.has(key))) continue;
    if (!seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()];
}
