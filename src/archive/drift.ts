import type { RawResponse } from '../check/http-client.js';
import { normalizedWords } from '../check/quote-match.js';
import { isHtmlType } from '../check/judge-response.js';
import { decodeDocument } from '../sources/decode.js';
import { mainText } from './main-text.js';

/**
 * `--drift`: how much of a live page's text is still the text the archive captured near the
 * post date. The texts are compared as sets of word 4-shingles (every run of four consecutive
 * normalised words), so a paraphrase counts as a change even when it keeps the vocabulary,
 * and the figure is their Jaccard similarity: shingles in both / shingles in either.
 */

/** Words per shingle: long enough that a reworded sentence changes most of its shingles. */
const SHINGLE_WORDS = 4;

/**
 * The word shingles of a page's main text: the single `<article>` if there is one, else
 * `<main>`, else the whole page, so that changing menus and sidebars weigh as little as possible.
 * Undefined when the response holds no readable text.
 */
export function pageShingles(response: RawResponse): Set<string> | undefined {
  if (response.body === undefined || response.body.length === 0) return undefined;
  const html = isHtmlType(response.headers);
  const plain = (response.headers['content-type'] ?? '').toLowerCase().startsWith('text/plain');
  if (!html && !plain) return undefined;
  let text: string;
  try {
    text = decodeDocument(response.body, { contentType: response.headers['content-type'], isHtml: html }).text;
  } catch {
    return undefined;
  }
  const words = normalizedWords(html ? mainText(text) : text);
  if (words.length === 0) return undefined;
  const shingles = new Set<string>();
  if (words.length < SHINGLE_WORDS) shingles.add(words.join(' '));
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) shingles.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return shingles;
}

/** Jaccard similarity of two shingle sets, rounded to two decimals. */
export function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : Math.round((shared / union) * 100) / 100;
}
