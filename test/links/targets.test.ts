import { describe, expect, it } from 'vitest';
import { collectTargets, quotesForCitation } from '../../src/links/targets.js';
import type { Block, Citation, ExtractedPost } from '../../src/types.js';

function citation(checkUrl: string | undefined, extra: Partial<Citation> = {}): Citation {
  return {
    url: checkUrl ?? 'x',
    rawHref: checkUrl ?? 'x',
    checkUrl,
    anchorText: 'a',
    sentence: 's',
    rel: [],
    isInternal: false,
    origin: 'a',
    ...extra,
  };
}

function post(...citations: Citation[][]): ExtractedPost {
  const blocks: Block[] = citations.map((c, index) => ({
    index,
    kind: 'paragraph',
    text: '',
    isClaim: true,
    signals: ['citation'],
    citations: c,
    damagedAnchors: [],
  }));
  return { source: 'p.json', kind: 'wordpress', warnings: [], blocks };
}

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
});

describe('quotes on targets', () => {
  const text =
    'Earlier, "a different quoted span of words" was said. The council said that “transit spending rises by 12 percent next year,” the largest rise. It called it "a bold new step".';
  const sentence = 'The council said that “transit spending rises by 12 percent next year,” the largest rise.';

  it('takes the quoted spans (≥ 4 words) of the citing sentence only', () => {
    expect(quotesForCitation({ text }, { sentence })).toEqual(['transit spending rises by 12 percent next year']);
    expect(quotesForCitation({ text }, { sentence: 'It called it "a bold new step".' })).toEqual(['a bold new step']);
  });

  it('ignores quotes shorter than four words', () => {
    expect(
      quotesForCitation(
        { text: 'They called it "bold and new" today.' },
        { sentence: 'They called it "bold and new" today.' },
      ),
    ).toEqual([]);
  });

  it('keeps a quote the sentence splitter cut in two with the sentence it overlaps', () => {
    const cut = 'She said "We will act. Transit comes first" and left.';
    expect(quotesForCitation({ text: cut }, { sentence: 'She said "We will act.' })).toEqual([
      'We will act. Transit comes first',
    ]);
  });

  it('collects quotes per URL, deduplicated across citations', () => {
    const b = (url: string, s: string): Block => ({
      index: 0,
      kind: 'paragraph',
      text: s,
      isClaim: true,
      signals: ['citation', 'quote'],
      citations: [citation(url, { sentence: s })],
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
