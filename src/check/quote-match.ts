/**
 * Tolerant matching of a quoted span against a page's text. Quotes in posts drift from their
 * sources in harmless ways (curly vs straight marks, case, dashes, line breaks, a "the" added
 * or dropped), so a quote counts as present when its normalised words appear in order, or
 * when at least 80% of its word trigrams appear on the page.
 */

/** Share of a quote's word trigrams that must appear on the page for a fuzzy match. */
const TRIGRAM_THRESHOLD = 0.8;

// Every apostrophe-like and quote-like mark becomes one of two ASCII marks, every dash a hyphen.
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
// Invisible format characters: a soft hyphen, zero-width space, non-joiner and joiner, word
// joiner, byte order mark. Extraction keeps the joiners of Persian and Indic words but drops
// them between Latin letters (block-builder.ts), and a cited page writes them as it likes: both
// sides of a match lose them here, the one place their words are made.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Punctuation and symbols trimmed from both ends of a word: "year." and "year" are one word.
const EDGE = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/**
 * A text as the list of its normalised words (invisible format characters dropped, NFKC, lower
 * case, marks unified, edges trimmed).
 */
export function normalizedWords(text: string): string[] {
  const unified = text
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-');
  // A dash separates words whether or not it is spaced ("2026–2027", "freeze — which").
  const words: string[] = [];
  for (const raw of unified.split(/[\s-]+/)) {
    const word = raw.replace(EDGE, '');
    if (word !== '') words.push(word);
  }
  return words;
}

function trigrams(words: string[]): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 2 < words.length; i++) grams.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return grams;
}

/** A page's text prepared once for any number of quote look-ups. */
export interface PageIndex {
  /** The page's normalised words joined by single spaces, padded with a space at each end. */
  joined: string;
  /** Every word trigram of the page. */
  trigrams: Set<string>;
}

/** Prepares a page's visible text for quote look-ups. */
export function indexPage(text: string): PageIndex {
  const words = normalizedWords(text);
  return { joined: ` ${words.join(' ')} `, trigrams: new Set(trigrams(words)) };
}

/** True when the quote appears on the page, exactly or (≥ 80% of its trigrams) nearly. */
export function quoteFound(quote: string, page: PageIndex): boolean {
  // An ellipsis marks words the post left out: each remaining piece must be on the page.
  const pieces = quote.split(/\u2026|\.\s?\.\s?\./).filter((p) => normalizedWords(p).length > 0);
  if (pieces.length > 1) return pieces.every((piece) => quoteFound(piece, page));
  const words = normalizedWords(quote);
  if (words.length === 0) return true;
  if (page.joined.includes(` ${words.join(' ')} `)) return true;
  const grams = trigrams(words);
  if (grams.length === 0) return false;
  const present = grams.filter((g) => page.trigrams.has(g)).length;
  return present / grams.length >= TRIGRAM_THRESHOLD;
}

/** The quotes (in their given order) that do not appear in the page text. */
export function missingQuotes(quotes: string[], pageText: string): string[] {
  const page = indexPage(pageText);
  return quotes.filter((q) => !quoteFound(q, page));
}
