import type { ClaimSignal } from '../types.js';

/**
 * Claim signals of a block's text. Judgement calls, documented:
 * - quote: a span of three words or more between curly or straight double quotes, or single
 *   quotes (British style) when they open after a space and close before one: an apostrophe
 *   inside a word ("don't", "John's") never opens or closes a quote.
 * - number: figures, money, percentages and counts. A bare year (1800–2099), a day of the
 *   month after a month name, and a small number naming something mid-sentence ("Pillar 2")
 *   are not figures and do not count alone.
 * - attribution: reporting verbs and phrases ("said", "according to", …) as whole words.
 */

const QUOTE = /“([^”]{1,2000})”|"([^"]{1,2000})"|«([^»]{1,2000})»/g;

/** A span of text between double quotation marks (curly, straight or guillemets). */
export interface QuotedSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark. */
  end: number;
  /** The words between the marks. */
  inner: string;
}

/** The double-quoted spans of `text`, in order: the one definition of "a quote" for every stage. */
export function doubleQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  QUOTE.lastIndex = 0;
  for (let m = QUOTE.exec(text); m; m = QUOTE.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length, inner: m[1] ?? m[2] ?? m[3] });
  }
  return spans;
}
const NUMBER = /[$€£¥]\s?\d|\d[\d,.]*\s?(?:%|percent\b|per cent\b)|\b\d[\d,.]*/g;
const MONTH_BEFORE =
  /(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$/i;
const LABEL_BEFORE = /[\p{Ll},;]\s+\p{Lu}[\p{L}-]*\s+$/u;
const ATTRIBUTION =
  /\b(?:said|says|say|told|tells|according to|reported|reports|reporting|announced|announces|stated|specifies|specified|claimed|claims|wrote|writes|noted|explained|argued|confirmed|estimated|estimates|revealed|disclosed|testified|warned|insisted|acknowledged|admitted|asserted|added|found|concluded|showed|shows)\b/i;

const SINGLE_QUOTE =
  /(?:^|[\s([—–])['‘](\p{L}(?:[^'‘’]|(?<=\p{L})['’](?=\p{L})){0,2000}?[^\s'‘’])['’](?=$|[\s.,;:!?)\]—–])/gu;

/** True when `text` holds a quoted span of at least three words. */
function hasQuote(text: string): boolean {
  const longEnough = (inner: string): boolean => inner.trim().split(/\s+/).length >= 3;
  if (doubleQuotedSpans(text).some((span) => longEnough(span.inner))) return true;
  if (!text.includes("'") && !text.includes('‘')) return false;
  SINGLE_QUOTE.lastIndex = 0;
  for (let m = SINGLE_QUOTE.exec(text); m; m = SINGLE_QUOTE.exec(text)) {
    if (longEnough(m[1])) return true;
  }
  return false;
}

/** True when `text` holds a figure that is more than a date. */
function hasNumber(text: string): boolean {
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const token = m[0];
    if (/^[$€£¥]|%|per/.test(token)) return true;
    const digits = token.replace(/[.,]+$/, '');
    if (/^(18|19|20)\d\d$/.test(digits)) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (/^\d{1,2}$/.test(digits) && MONTH_BEFORE.test(before)) continue;
    // "Pillar 2", "Article 5", "Windows 11": a small number naming a thing mid-sentence is a label.
    if (/^\d{1,3}$/.test(digits) && LABEL_BEFORE.test(before)) continue;
    return true;
  }
  return false;
}

// Digits inside a URL written out in the text (ports, ids, dates in paths) are not figures.
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)\S+/gi;
// A Markdown footnote mark ("[^1]", "[^note-2]") names a note, not a figure: counting its
// digits made every footnoted sentence a claim, and an uncited one at that.
const FOOTNOTE_REF = /\[\^[^\]\s]{1,40}\]/g;

/** `text` with what only looks like figures blanked out: URLs, footnote marks, and `blank` ranges. */
function figureText(text: string, blank: ReadonlyArray<readonly [number, number]>): string {
  let t = text;
  for (const [start, end] of blank) t = t.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + t.slice(end);
  return t.replace(URL_IN_TEXT, ' ').replace(FOOTNOTE_REF, ' ');
}

/**
 * Quote/number/attribution signals of a text ("citation" is added by the caller).
 * `footnoteMarks` are ranges of the text that are footnote marks found in markup (<sup>1</sup>).
 */
export function textSignals(text: string, footnoteMarks: ReadonlyArray<readonly [number, number]> = []): ClaimSignal[] {
  const signals: ClaimSignal[] = [];
  if (hasQuote(text)) signals.push('quote');
  if (hasNumber(figureText(text, footnoteMarks))) signals.push('number');
  if (ATTRIBUTION.test(text)) signals.push('attribution');
  return signals;
}
