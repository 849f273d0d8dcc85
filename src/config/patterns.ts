// How each compiled --include/--exclude pattern was written: RegExp#source escapes "/" (and
// spells an empty pattern "(?:)"), and reports quote the pattern the way the user wrote it.
const written = new WeakMap<RegExp, string>();

/** Compiles an --include/--exclude pattern; throws SyntaxError (from `new RegExp`) when it is not one. */
export function compilePattern(text: string): RegExp {
  const regex = new RegExp(text);
  written.set(regex, text);
  return regex;
}

/** The pattern as it was written (for a RegExp not made by compilePattern: its source). */
export function patternText(regex: RegExp): string {
  return written.get(regex) ?? regex.source;
}
