/**
 * A small sentence splitter for locating the sentence a link sits in. It splits after `.`,
 * `!` or `?` (and closing quotes/brackets) followed by a space and a capital, digit or opening
 * quote, except after common abbreviations and initialisms ("U.S.", "Dr.", "e.g.").
 */

// The lookbehind starts a match only at the first mark of a run: without it, every dot of
// '.'×200,000 began a match that scanned the rest of the run (quadratic).
const BOUNDARY = /(?<![.!?…])[.!?…]+["'”’)\]]*\s+(?=["'“‘([]?[\p{Lu}\d])/gu;
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

/**
 * Longest sentence a citation or damaged anchor carries. A paragraph with no full stop is one
 * "sentence": each of its links carried all of it, and the report grew with the square of the
 * paragraph (`'word</a> '×30,000` made 3.4 GB). Longer sentences are cut to a window around the
 * link, at word boundaries, marked with "…" where they were cut.
 */
export const MAX_SENTENCE_CHARS = 400;

/** Index of the last sentence range starting at or before `offset` (binary search; 0 when none). */
export function sentenceIndex(ranges: ReadonlyArray<[number, number]>, offset: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ranges[mid][0] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The trimmed sentence of `text` containing `offset` (the whole text when there is one
 * sentence), cut to MAX_SENTENCE_CHARS around `offset` when longer.
 */
export function sentenceAt(text: string, offset: number, ranges = sentenceRanges(text)): string {
  if (ranges.length === 0) return capAround(text, 0, text.length, offset);
  // Binary search: the first range ending after `offset` (a block may hold thousands of links).
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offset < ranges[mid][1]) hi = mid;
    else lo = mid + 1;
  }
  const [start, end] = ranges[lo];
  return capAround(text, start, end, offset);
}

/** `text[start, end)` trimmed, or a window of it around `offset` marked with "…" when too long. */
function capAround(text: string, start: number, end: number, offset: number): string {
  if (end - start <= MAX_SENTENCE_CHARS) return text.slice(start, end).trim();
  // The link near the start of the window: what follows a link says more about it than what precedes.
  let from = Math.max(start, Math.min(offset - 150, end - MAX_SENTENCE_CHARS));
  let to = Math.min(end, from + MAX_SENTENCE_CHARS);
  // Cut at word boundaries when one is near.
  if (from > start) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < from + 30 && space < offset) from = space + 1;
  }
  if (to < end) {
    const space = text.lastIndexOf(' ', to);
    if (space > to - 30 && space > from) to = space;
  }
  const body = text.slice(from, to).trim();
  return `${from > start ? '…' : ''}${body}${to < end ? '…' : ''}`;
}
