import { segmentWords } from './segment';

const MAX_TERMS = 16;

/** The distinct search words of a query, segmented like the index. */
export function queryTerms(query: string): string[] {
  return [...new Set(segmentWords(query.slice(0, 200)))].slice(0, MAX_TERMS);
}

/**
 * A to_tsquery('simple', …) text that ANDs the words, each quoted (so no word
 * can inject operators), the last one as a prefix so a query still being typed matches.
 */
export function toTsQuery(terms: string[]): string | null {
  if (!terms.length) return null;
  return terms
    .map((term, i) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${i === terms.length - 1 ? ':*' : ''}`)
    .join(' & ');
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits a snippet into plain and matching parts, for <mark> without innerHTML. */
export function highlight(text: string, terms: string[]): SnippetPart[] {
  const usable = terms.filter(Boolean).sort((a, b) => b.length - a.length);
  if (!usable.length) return [{ text, match: false }];
  const pattern = new RegExp(`(${usable.map(escapeRegExp).join('|')})`, 'giu');
  return text
    .split(pattern)
    .filter(Boolean)
    .map((part) => ({ text: part, match: usable.some((t) => t.toLowerCase() === part.toLowerCase()) }));
}
