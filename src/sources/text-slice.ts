/**
 * The first `end` code units of `text`, one fewer when the cut would fall between the two halves
 * of a surrogate pair (an emoji, a rare CJK character): half a pair is written as U+FFFD, a
 * character the text never held. The one cut of every shortened text.
 */
export function sliceWhole(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}
