import { segmentWords } from '@/lib/words/segment';

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


const CJK = /^\p{Script=Han}$/u;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * Splits a snippet into plain and matching parts, for <mark> without innerHTML.
 * Whole words are marked, as the index found them: a word equal to a search
 * word, or starting with the last one (searched as a prefix); neighbouring
 * marked words join into one mark (钉钉, 虚拟试衣). A lone CJK character split
 * off by the segmenter (大 of 大模型) is not marked elsewhere on its own.
 */
export function highlight(text: string, terms: string[], query = ''): SnippetPart[] {
  const words = new Set(terms.map(fold));
  const prefix = terms.length ? fold(terms.at(-1)!) : '';
  const single = [...query.trim()].length === 1;
  const parts: SnippetPart[] = [];
  const push = (piece: string, match: boolean) => {
    const last = parts.at(-1);
    if (last && last.match === match) last.text += piece;
    else parts.push({ text: piece, match });
  };
  let run: string[] = [];
  const flush = () => {
    // A run of one lone CJK character is left plain unless that character is the whole query.
    if (run.length) push(run.join(''), !(run.length === 1 && CJK.test(run[0]!) && !single));
    run = [];
  };
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    const folded = fold(segment);
    if (isWordLike && (words.has(folded) || (prefix && folded.startsWith(prefix)))) run.push(segment);
    else {
      flush();
      push(segment, false);
    }
  }
  flush();
  return parts.length ? parts : [{ text, match: false }];
}
