import { describe, expect, it } from 'vitest';
import { quotesForCitation } from '../../src/extract/quotes.js';
import { collectTargets } from '../../src/links/targets.js';
import type { Block, ExtractedPost } from '../../src/types.js';
import { citation, post } from '../helpers/bare-citations.js';

describe('collectTargets', () => {
  it('gives one target per unique checkUrl across posts, in first-appearance order', () => {
    const targets = collectTargets([
      post([citation('https://b.org/'), citation('https://a.org/x')], [citation('https://b.org/')]),
      post([citation('https://c.org/'), citation('https://a.org/x')]),
    ]);
    expect(targets.map((t) => t.url)).toEqual(['https://b.org/', 'https://a.org/x', 'https://c.org/']);
  });

  it('collects fragments once each', () => {
    const targets = collectTargets([
      post([
        citation('https://a.org/p', { fragment: 'one' }),
        citation('https://a.org/p', { fragment: 'two' }),
        citation('https://a.org/p', { fragment: 'one' }),
        citation('https://a.org/p'),
      ]),
    ]);
    expect(targets).toEqual([{ url: 'https://a.org/p', fragments: ['one', 'two'], quotes: [] }]);
  });

  it('leaves out invalid citations and those without a checkUrl', () => {
    const targets = collectTargets([
      post([citation(undefined), citation('https://a.org/', { invalid: 'bad port' }), citation('https://ok.org/')]),
    ]);
    expect(targets.map((t) => t.url)).toEqual(['https://ok.org/']);
  });

  it('requests no link that is not a source, unless a source cites the same URL', () => {
    const share = 'https://twitter.com/intent/tweet?url=x';
    const targets = collectTargets([
      post(
        [citation(share, { role: 'share' }), citation('https://news.org/tag/x', { role: 'tag' })],
        [citation('https://news.org/story'), citation('https://news.org/story', { role: 'navigation' })],
      ),
    ]);
    expect(targets.map((t) => t.url)).toEqual(['https://news.org/story']);
  });

  it('takes a copy credited to another block as its own citation: no earlier place, no fragment of its own', () => {
    // The full-document line at the end credits the paragraph before it: the copy comes first in
    // reading order, but the targets are those of the post before its claims were analysed.
    const credited = citation('https://docs.org/full', { via: 'source-line', fragment: 'p2' });
    const targets = collectTargets([
      post(
        [citation('https://a.org/'), credited],
        [citation('https://b.org/')],
        [citation('https://docs.org/full', { fragment: 'p2' })],
      ),
    ]);
    expect(targets.map((t) => t.url)).toEqual(['https://a.org/', 'https://b.org/', 'https://docs.org/full']);
    const onlyCopy = collectTargets([post([citation('https://c.org/', { via: 'footnote', fragment: 'x' })])]);
    expect(onlyCopy).toEqual([]);
  });
});

describe('quotes on targets', () => {
  it('collects quotes per URL, deduplicated across citations', () => {
    const b = (url: string, s: string): Block => ({
      index: 0,
      kind: 'paragraph',
      text: s,
      isClaim: true,
      signals: ['citation', 'quote'],
      // Extraction puts the quotes on the citation (extract/quotes.ts).
      citations: [citation(url, { sentence: s, quotes: quotesForCitation({ text: s }, { sentence: s }) })],
      damagedAnchors: [],
    });
    const q = 'He said "the fare freeze stays in place" today.';
    const p: ExtractedPost = {
      source: 'p.json',
      kind: 'wordpress',
      warnings: [],
      blocks: [b('https://a.org/', q), b('https://a.org/', q), b('https://b.org/', 'No quote here.')],
    };
    expect(collectTargets([p]).map((t) => [t.url, t.quotes])).toEqual([
      ['https://a.org/', ['the fare freeze stays in place']],
      ['https://b.org/', []],
    ]);
  });
});
