/**
 * Where to cut `text` at `end` (a code unit offset) without parting the two halves of a surrogate
 * pair (an emoji, a rare CJK character): `end`, or one before it. Half a pair is written as
 * U+FFFD, a character the text never held. The one cut of every shortened or sliced text.
 */
export function wholeEnd(text: string, end: number): number {
  if (end <= 0 || end >= text.length) return Math.max(0, Math.min(end, text.length));
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/** The first `end` code units of `text`, or one fewer where the cut would part a surrogate pair. */
export function sliceWhole(text: string, end: number): string {
  return text.slice(0, wholeEnd(text, end));
}
