import type { Block, Citation } from '../types.js';
import { doubleQuotedSpans, type QuotedSpan } from './signals.js';

// Shorter spans are titles, scare quotes or names: too common on any page to prove anything.
const MIN_QUOTE_WORDS = 4;

// The last block asked about: every link of a block asks about the same text, most of them
// about the same sentence. Remembering the sentence's place and its quotes, and finding the
// spans by binary search, keeps a block of n links linear (an indexOf and a scan of every span
// per link made 6,000 links in one paragraph quadratic, issue 13).
let memo: { text: string; spans: readonly QuotedSpan[]; bySentence: Map<string, string[]> } | undefined;

function memoOf(text: string): NonNullable<typeof memo> {
  if (memo?.text !== text) memo = { text, spans: doubleQuotedSpans(text), bySentence: new Map() };
  return memo;
}

/** Index of the first span ending after `from` (spans are in order and do not overlap). */
function firstSpanAfter(spans: readonly QuotedSpan[], from: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The quoted spans (≥ 4 words) of a block that lie in the sentence of a citation: those are
 * what the post says the source says. A span counts when it overlaps the sentence, so a quote
 * that the sentence splitter cut in two still belongs to its link. `near` is an offset at or
 * before the sentence's place in the block, when the caller knows it.
 */
export function quotesForCitation(
  block: Pick<Block, 'text'>,
  citation: Pick<Citation, 'sentence'>,
  near = 0,
): string[] {
  const text = block.text;
  const known = memoOf(text);
  const remembered = known.bySentence.get(citation.sentence);
  if (remembered !== undefined) return [...remembered];
  // A long sentence is cut to a window around its link, marked "…" where cut (sentences.ts): the
  // window, without its marks, is found in the block, and the block's quotes, paired over the
  // whole text, are read there. Paired inside the window alone, a straight quote cut in two
  // left its closing mark first, and the words between two quotes were taken for one (review22).
  const core = citation.sentence.replace(/^…/, '').replace(/…$/, '');
  // `near`: where the caller knows the sentence starts, so the search does not rescan the block.
  const at = core === '' ? -1 : text.indexOf(core, near);
  const from = at >= 0 ? at : 0;
  const to = at >= 0 ? at + core.length : text.length;
  // Without the sentence's place in the block, only quotes inside the sentence itself count.
  const spans = at >= 0 ? known.spans : doubleQuotedSpans(citation.sentence);
  const quotes: string[] = [];
  for (let i = at >= 0 ? firstSpanAfter(spans, from) : 0; i < spans.length; i++) {
    const span = spans[i];
    if (at >= 0 && span.start >= to) break;
    // A comma inside the closing mark belongs to the post's sentence, not to the source.
    const inner = span.inner
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[,;:]+$/, '');
    if (inner.split(' ').length >= MIN_QUOTE_WORDS && !quotes.includes(inner)) quotes.push(inner);
  }
  known.bySentence.set(citation.sentence, quotes);
  return [...quotes];
}
