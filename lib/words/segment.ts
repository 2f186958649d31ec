const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

// Segmenting one long string is super-linear in V8 (a 250k-character post takes
// tens of seconds), so text is cut at spaces and punctuation into short runs first.
const CHUNK = 800;
const BREAK_AFTER = /(?<=[\s。，！？；：、,.!?;:])/u;

function* chunks(text: string): Generator<string> {
  let current = '';
  for (const piece of text.split(BREAK_AFTER)) {
    if (current.length + piece.length > CHUNK && current) {
      yield current;
      current = '';
    }
    if (piece.length <= CHUNK) current += piece;
    else for (let i = 0; i < piece.length; i += CHUNK) yield piece.slice(i, i + CHUNK);
  }
  if (current) yield current;
}

/** The word-like segments of a text (CJK words by dictionary, Latin words whole), NFKC-folded and lower-cased. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const chunk of chunks(text.normalize('NFKC').toLowerCase())) {
    for (const { segment, isWordLike } of segmenter.segment(chunk)) {
      if (isWordLike) words.push(segment);
    }
  }
  return words;
}

// to_tsvector refuses documents over 1 MB; the start of a very long body is what search needs.
const MAX_INDEXED_CHARS = 300_000;

/** Text as space-separated words, ready for to_tsvector('simple', …). */
export function segmentForIndex(text: string): string {
  return segmentWords(text.slice(0, MAX_INDEXED_CHARS)).join(' ');
}
