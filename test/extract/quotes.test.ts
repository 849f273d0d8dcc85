import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { quotesForCitation } from '../../src/extract/quotes.js';

describe('quotesForCitation', () => {
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
});

describe('a long sentence cut to a window around its link', () => {
  it('reads the quotes of the block, paired over its whole text, in the window (review22)', () => {
    const long = Array(6).fill('we will build more homes and more schools for everyone').join(' ');
    const body = `# T\n\nThe minister said "${long}" and then the agency called it "a clear breach of the disclosure rules" [source](https://s.example.org/a).\n`;
    const post = extractPost({ source: 'q.md', kind: 'markdown', body, bodyFormat: 'markdown', warnings: [] });
    const citation = post.blocks[1].citations[0];
    // The sentence was cut: the window opens inside the first quote.
    expect(citation.sentence.startsWith('…')).toBe(true);
    // Paired in the window alone, the first mark there closes a quote: "and then the agency
    // called it" was taken for one and the real quote was never checked.
    expect(citation.quotes).toEqual([long, 'a clear breach of the disclosure rules']);
  });
});

describe('citations carry their quotes from extraction', () => {
  it('puts the quoted spans of the citing sentence on the citation, and none elsewhere', () => {
    const post = extractPost({
      source: 't.html',
      kind: 'html',
      url: 'https://blog.example.com/post/',
      body:
        '<p>The council <a href="https://council.example.org/minutes">said</a> that “transit spending rises by 12 percent next year.” ' +
        'The mayor <a href="https://mayor.example.org/">agreed</a> without a quote.</p>',
      bodyFormat: 'html',
      warnings: [],
    });
    const [quoted, plain] = post.blocks[0].citations;
    expect(quoted.quotes).toEqual(['transit spending rises by 12 percent next year.']);
    expect(plain.quotes).toBeUndefined();
  });
});
