import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexPage, missingQuotes, normalizedWords, quoteFound } from '../../src/check/quote-match.js';
import { visibleText } from '../../src/check/page-text.js';

const PAGE =
  'The council said: "Transit spending rises by 12 percent next year." It is the largest rise since 2016 — by far.';

describe('normalizedWords', () => {
  it('unifies case, quote marks, apostrophes, dashes and trims edge punctuation', () => {
    expect(normalizedWords('“The Mayor’s plan—2026–2027,” he said.')).toEqual([
      'the',
      "mayor's",
      'plan',
      '2026',
      '2027',
      'he',
      'said',
    ]);
    expect(normalizedWords("the mayor's plan - 2026-2027, he said")).toEqual([
      'the',
      "mayor's",
      'plan',
      '2026',
      '2027',
      'he',
      'said',
    ]);
  });

  it('applies NFKC so full-width and ligature forms read as plain letters', () => {
    expect(normalizedWords('ＴＲＡＮＳＩＴ ﬁnal')).toEqual(['transit', 'final']);
  });
});

describe('quoteFound', () => {
  const page = indexPage(PAGE);

  it('finds a verbatim quote', () => {
    expect(quoteFound('Transit spending rises by 12 percent next year.', page)).toBe(true);
  });

  it('finds it across case, marks, whitespace and dash differences', () => {
    expect(quoteFound('transit   SPENDING rises\nby 12 percent next year,', page)).toBe(true);
    expect(quoteFound('the largest rise since 2016 -- by far', page)).toBe(true);
    expect(quoteFound('the largest rise since 2016 – by far', page)).toBe(true);
  });

  it('tolerates a small edit (at least 80% of the trigrams present), not a larger one', () => {
    const long = indexPage(
      'The committee agreed on Monday that the fare freeze will stay in place through the end of 2027 for every rider in the city.',
    );
    // 20 words, 18 trigrams; one word changed breaks 3 of them: 15/18 ≈ 83% survive.
    expect(
      quoteFound(
        'The committee agreed on Monday that a fare freeze will stay in place through the end of 2027 for every rider in the city',
        long,
      ),
    ).toBe(true);
    // Two words changed far apart break 6: 12/18 ≈ 67%.
    expect(
      quoteFound(
        'The committee agreed on Tuesday that the fare freeze will stay in place through the end of 2027 for every bus in the city',
        long,
      ),
    ).toBe(false);
  });

  it('treats an ellipsis as left-out words: each piece must be on the page', () => {
    expect(quoteFound('The council said … rises by 12 percent next year', page)).toBe(true);
    expect(quoteFound('transit spending rises ... the largest rise since 2016', page)).toBe(true);
    expect(quoteFound('The council said … the fare freeze will stay', page)).toBe(false);
  });

  it('does not find a paraphrase', () => {
    expect(quoteFound('Transit spending will grow by a tenth next year', page)).toBe(false);
    expect(quoteFound('the fare freeze will stay in place', page)).toBe(false);
  });

  it('does not match words that only meet across a word boundary', () => {
    expect(quoteFound('ransit spending rises by', page)).toBe(false);
  });
});

describe('missingQuotes', () => {
  it('lists only the absent quotes, in order', () => {
    expect(
      missingQuotes(
        ['rises by 12 percent next year', 'the fare freeze will stay', 'the largest rise since 2016'],
        PAGE,
      ),
    ).toEqual(['the fare freeze will stay']);
  });

  it('a quote taken verbatim from any page text is always found (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9’'\-éü]{1,10}$/);
    const sep = fc.constantFrom(' ', '  ', '\n', ' — ', ', ', '. ', ' "', '” ');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { minLength: 4, maxLength: 60 }), fc.nat(), fc.nat(), (pairs, a, b) => {
        const tokens = pairs.flatMap(([w, s]) => [w, s]);
        const text = tokens.join('');
        // A quote is a run of whole words (from the start of one word to the end of another).
        const i = (a % pairs.length) * 2;
        const j = i + 1 + 2 * (b % ((tokens.length - i) / 2));
        const quote = tokens.slice(i, j).join('');
        expect(missingQuotes([quote], text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('visibleText', () => {
  it('keeps block elements apart and inline elements joined, without scripts or styles', () => {
    const text = visibleText(
      '<html><head><title>T</title><style>p{}</style></head><body><p>one</p><p>two <em>quo</em>ted</p><script>var x = "hidden words here"</script></body></html>',
    );
    expect(text).toBe('one two quoted');
  });
});

describe('zero-width joiners and other invisible characters (issue 8)', () => {
  it('a quote and a page that write a joiner differently match: extraction and the page text meet in normalizedWords', async () => {
    const { extractPost } = await import('../../src/extract/index.js');
    // The post's quote has a zero-width joiner between Latin letters (a paste from a CMS),
    // which extraction drops; the cited page writes its own joiner and a soft hyphen.
    const post = extractPost({
      source: 'post.html',
      kind: 'html',
      body: '<p>The minister <a href="https://gov.example/speech">said</a> that “the tar\u200diff will be lifted in spring”.</p>',
      bodyFormat: 'html',
      warnings: [],
    });
    const quotes = post.blocks[0].citations[0].quotes ?? [];
    expect(quotes).toEqual(['the tariff will be lifted in spring']);
    const page = visibleText('<p>Today: the ta\u200driff will be lif\u00adted in spring, she said.</p>');
    expect(missingQuotes(quotes, page)).toEqual([]);
    // A paraphrase stays missing.
    expect(missingQuotes(['the tariff stays in spring'], page)).toEqual(['the tariff stays in spring']);
  });

  it('a Persian word with its non-joiner matches the page that omits it, and the other way round', () => {
    const withJoiner =
      '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0628\u0631\u0648\u0645 \u062e\u0627\u0646\u0647';
    const without = withJoiner.replace('\u200c', '');
    expect(normalizedWords(withJoiner)).toEqual(normalizedWords(without));
    expect(quoteFound(withJoiner, indexPage(`\u0627\u0648 \u06af\u0641\u062a ${without}.`))).toBe(true);
    expect(quoteFound(without, indexPage(`\u0627\u0648 \u06af\u0641\u062a ${withJoiner}.`))).toBe(true);
  });

  it('keeps an Indic conjunct one word whether or not its joiner is written', () => {
    expect(normalizedWords('\u0915\u094d\u200d\u0937 \u0915\u094d\u0937')).toEqual([
      '\u0915\u094d\u0937',
      '\u0915\u094d\u0937',
    ]);
  });
});
