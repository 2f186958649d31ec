// Typical silent-reading speeds: about 400 characters a minute for Chinese and
// Japanese, about 230 words a minute for Latin-script text.
const CJK_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 230;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Counts CJK characters and other-script words separately. */
export function countWords(text: string): { cjk: number; words: number } {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0;
  return { cjk, words };
}

/** Whole minutes, at least one. */
export function readingMinutes(text: string): number {
  const { cjk, words } = countWords(text);
  return Math.max(1, Math.round(cjk / CJK_PER_MINUTE + words / WORDS_PER_MINUTE));
}
