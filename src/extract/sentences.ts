/**
 * A small sentence splitter for locating the sentence a link sits in. It splits after `.`,
 * `!` or `?` (and closing quotes/brackets) followed by a space and a capital, digit or opening
 * quote, except after common abbreviations and initialisms ("U.S.", "Dr.", "e.g.").
 */

const BOUNDARY = /[.!?…]+["'”’)\]]*\s+(?=["'“‘([]?[\p{Lu}\d])/gu;
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sr jr st mt gen col lt sgt gov sen rep pres rev vs etc inc ltd co corp dept est fig no vol al approx jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf ph.d u.s u.k u.n e.u a.m p.m'.split(
    ' ',
  ),
);

/** Start/end offsets of the sentences of `text`. */
export function sentenceRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const before = (/(\S+)$/.exec(text.slice(Math.max(start, m.index - 30), m.index + 1))?.[1] ?? '').replace(
      /^["'“‘([]+/,
      '',
    );
    const word = before.replace(/[.!?…]+$/, '').toLowerCase();
    // "U.S." / "e.g." / an initial ("J. Smith") and known abbreviations do not end sentences.
    if (m[0].startsWith('.') && (ABBREVIATIONS.has(word) || /^(?:\p{L}\.)+\p{L}?\.?$/u.test(before))) continue;
    const end = m.index + m[0].length;
    ranges.push([start, end]);
    start = end;
  }
  if (start < text.length) ranges.push([start, text.length]);
  return ranges;
}

/** The trimmed sentence of `text` containing `offset` (the whole text when there is one sentence). */
export function sentenceAt(text: string, offset: number, ranges = sentenceRanges(text)): string {
  if (ranges.length === 0) return text.trim();
  // Binary search for the first range ending after the offset: a block of n linked sentences
  // asked n times stays n log n (a scan per link was quadratic).
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  const [start, end] = ranges[lo];
  return text.slice(start, end).trim();
}
