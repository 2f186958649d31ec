const COMPLETE = /[。！？!?…」』”)）]$/;
// Where a clause ends: CJK punctuation anywhere, Latin punctuation before a space.
const BOUNDARY = /[。！？；，：、]|[.!?;,:](?=\s)/g;
const TRAILING = /[。，、；：.,;:\s]+$/;

/**
 * A summary for lists, meta descriptions, Open Graph and feeds that ends where a
 * sentence or clause ends, followed by "…": the source platform cut its
 * descriptions at a character count, often mid-word ("两阶段检"). A text that
 * already ends a sentence, and fits, is kept whole.
 */
export function excerptOf(text: string | null | undefined, maxChars = 140): string | null {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  if (clean.length <= maxChars && COMPLETE.test(clean)) return clean;
  const head = [...clean].slice(0, maxChars).join('');
  let cut = -1;
  for (const match of head.matchAll(BOUNDARY)) cut = match.index + match[0].length;
  // A boundary near the start would throw most of the text away: then the last space, or all of it.
  if (cut < head.length * 0.4)
    cut = head.length * 0.4 <= head.lastIndexOf(' ') ? head.lastIndexOf(' ') : head.length;
  const kept = head.slice(0, cut).replace(TRAILING, '');
  return `${kept || head}…`;
}
