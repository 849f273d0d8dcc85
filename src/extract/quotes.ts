import type { Block, Citation } from '../types.js';
import { doubleQuotedSpans, type QuotedSpan } from './signals.js';

// Shorter spans are titles, scare quotes or names: too common on any page to prove anything.
const MIN_QUOTE_WORDS = 4;

// The spans of the last block asked about: every link of a block asks about the same text.
let spansMemo: { text: string; spans: QuotedSpan[] } | undefined;

function spansOf(text: string): QuotedSpan[] {
  if (spansMemo?.text !== text) spansMemo = { text, spans: doubleQuotedSpans(text) };
  return spansMemo.spans;
}

/**
 * The quoted spans (≥ 4 words) of a block that lie in the sentence of a citation: those are
 * what the post says the source says. A span counts when it overlaps the sentence, so a quote
 * that the sentence splitter cut in two still belongs to its link.
 */
export function quotesForCitation(block: Pick<Block, 'text'>, citation: Pick<Citation, 'sentence'>): string[] {
  const text = block.text;
  const at = citation.sentence === '' ? -1 : text.indexOf(citation.sentence);
  const from = at >= 0 ? at : 0;
  const to = at >= 0 ? at + citation.sentence.length : text.length;
  // Without the sentence's place in the block, only quotes inside the sentence itself count.
  const spans = at >= 0 ? spansOf(text) : doubleQuotedSpans(citation.sentence);
  const quotes: string[] = [];
  for (const span of spans) {
    if (at >= 0 && (span.end <= from || span.start >= to)) continue;
    // A comma inside the closing mark belongs to the post's sentence, not to the source.
    const inner = span.inner
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[,;:]+$/, '');
    if (inner.split(' ').length >= MIN_QUOTE_WORDS && !quotes.includes(inner)) quotes.push(inner);
  }
  return quotes;
}
