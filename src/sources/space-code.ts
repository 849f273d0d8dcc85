/**
 * True for the code units JavaScript's `\s` matches (WhiteSpace and LineTerminator): a test of
 * the code, not a one-character string and a regex per character (checked against `\s` over
 * every code unit in the tests).
 */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The code units of `\s` that countText (reader-patterns.ts) does not take for white space:
 * the vertical tab, and Unicode's spaces beyond the no-break space. One regular expression, so
 * that a text is refused in one native scan rather than a loop over its characters (the
 * reader forecast's, which ran once per page and mostly unoptimised).
 */
export const FOLDED_SPACE = /[\v\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
