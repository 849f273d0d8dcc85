import { doubleQuotedSpans } from '../extract/signals.js';
import type { Block, Citation, CheckTarget, ExtractedPost } from '../types.js';

// Shorter spans are titles, scare quotes or names: too common on any page to prove anything.
const MIN_QUOTE_WORDS = 4;

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
  const source = at >= 0 ? text : citation.sentence;
  const quotes: string[] = [];
  for (const span of doubleQuotedSpans(source)) {
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

/**
 * One target per unique `checkUrl` across all posts, in order of first appearance, with the
 * fragments and quotes cited for it collected (deduplicated). Invalid citations and those
 * without a checkUrl are not targets: they are reported from the extraction alone.
 */
export function collectTargets(posts: ExtractedPost[]): CheckTarget[] {
  const byUrl = new Map<string, CheckTarget>();
  for (const post of posts) {
    for (const block of post.blocks) {
      for (const citation of block.citations) {
        // Ignored links (extract/ignore-markers.ts) get no request: they are reported excluded.
        if (citation.invalid !== undefined || citation.ignored !== undefined || !citation.checkUrl) continue;
        let target = byUrl.get(citation.checkUrl);
        if (!target) {
          target = { url: citation.checkUrl, fragments: [], quotes: [] };
          byUrl.set(citation.checkUrl, target);
        }
        if (citation.fragment && !target.fragments.includes(citation.fragment)) {
          target.fragments.push(citation.fragment);
        }
        for (const quote of quotesForCitation(block, citation)) {
          if (!target.quotes.includes(quote)) target.quotes.push(quote);
        }
      }
    }
  }
  return [...byUrl.values()];
}
