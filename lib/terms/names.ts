/** A tag or a category: the two kinds of term a post carries, by name. */
export type TermKind = 'tag' | 'category';

/** How a name is written down: width variants folded (NFKC), outer space trimmed, inner runs of space made one. */
export function cleanTermName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/** Case-insensitive identity of a tag or category name. */
export function termKey(name: string): string {
  return cleanTermName(name).toLowerCase();
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
export function distinctTerms(names: readonly string[], kind: TermKind): string[] {
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = cleanTermName(raw);
    const key = termKey(name);
    if (!key || (kind === 'category' && NO_CATEGORY.has(key))) continue;
    if (!seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()];
}

/** Spellings by term key, per kind: the first one met wins. */
export type Spellings = Record<TermKind, Map<string, string>>;

export const noSpellings = (): Spellings => ({ tag: new Map(), category: new Map() });

/** Each name as `spellings` writes its term, recording the names it had not met; the same term twice is kept once. */
export function spell(spellings: Spellings, kind: TermKind, names: readonly string[]): string[] {
  const known = spellings[kind];
  const out = names.map((name) => {
    const key = termKey(name);
    if (!known.has(key)) known.set(key, cleanTermName(name));
    return known.get(key)!;
  });
  return [...new Set(out)];
}
