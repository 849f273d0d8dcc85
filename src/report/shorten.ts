import { sliceWhole } from '../sources/text-slice.js';

/**
 * The text cut at a word boundary to at most `max` characters, with "…" when cut: the one
 * shortening of every report text (finding arguments, and what formatters show of a block).
 * A word past the middle is kept whole; punctuation left dangling before the "…" is dropped.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = sliceWhole(text, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
