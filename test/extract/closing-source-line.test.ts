import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost } from '../../src/types.js';
import { markdownPost, uncited } from '../helpers/claim-posts.js';
import { growthRatio } from '../helpers/linear-time.js';

// A post whose last block is a linked "Source:" / "Sources:" / "Via" line: the line is the
// story's source, and credits each of its claims that links no source of its own (issue 8;
// three blind labellers read such lines so, label38, label41 and label43).

const page = (body: string): ExtractedPost =>
  extractPost(parseDocument(`<html><body><article>${body}</article></body></html>`, { source: 'story.html' })[0]);

describe("a story's closing source line (issue 8)", () => {
  it('"Source: Box Office Mojo" after a sign-off credits the column\'s figures, not a paragraph with a link of its own', () => {
    const post = page(
      [
        '<p>Miss Peregrine claimed the top spot at the box office this weekend with $28.5 million.</p>',
        '<h3>A few tidbits from the numbers:</h3>',
        '<ul><li>Bad Moms has taken over $112 million, nearly six times its reported budget.</li></ul>',
        '<p>The controversy has overshadowed its festival debut, as <a href="https://news.example/why">we explained</a>.</p>',
        '<h3>See you next week!</h3>',
        '<p>Source: <a href="https://www.boxofficemojo.example/weekend">Box Office Mojo</a></p>',
      ].join(''),
    );
    const line = post.blocks.length - 1;
    expect(post.blocks[0].credits).toEqual([{ via: 'source-line', block: line }]);
    expect(post.blocks[2].citations.map((c) => [c.url, c.via])).toEqual([
      ['https://www.boxofficemojo.example/weekend', 'source-line'],
    ]);
    // Its own link is its source (a side fact's link, maybe, but not the line's to settle).
    expect(post.blocks[3].credits).toBeUndefined();
    expect(uncited(post)).toEqual([]);
  });

  it('a closing "(Via …)" line credits the story, not a claim from another report', () => {
    const post = markdownPost(
      'Giuliani has withdrawn from consideration for a cabinet post, a statement said on Friday.',
      'Icahn reportedly declined the Treasury post before it went to Mnuchin.',
      'The board met 4 times, according to the Shore Times. Harbour Watch reported 3 more meetings.',
      'Trump said Giuliani "would have been an outstanding member of the Cabinet."',
      '(Via [CNN](https://cnn.example/a), [Fox News](https://fox.example/b))',
    );
    // The last paragraph is the line's by the rule of a line right under a paragraph.
    expect(post.blocks.map((b) => b.credits?.map((c) => c.via))).toEqual([
      ['source-line'],
      undefined,
      undefined,
      ['source-line'],
      undefined,
    ]);
    expect(uncited(post)).toEqual([1, 2]);
  });

  // bench/claims-labelling.md: the line credits every claim with no link of its own "except claims
  // that point to another report ('reportedly', 'media reports', 'according to …', 'X reported')".
  const closing = (claim: string): ExtractedPost =>
    markdownPost(claim, 'We went down to the harbour.', 'Source: [Ledger](https://ledger.example/story)');

  it('a claim pointing to another report stays uncited, however its sentence opens', () => {
    for (const claim of [
      'According to the Shore Times, the board met 4 times.',
      'Reportedly, the board met 4 times last year.',
      'Reports say the board met 4 times last year.',
      'The board met 4 times, as first reported by Harbour Watch.',
      'The board met 4 times, the Shore Times said on Monday.',
      'Revenue fell 12% last year, the chief executive told the Harbour Post.',
    ])
      expect([claim, uncited(closing(claim))]).toEqual([claim, [0]]);
  });

  it("a party's words are what the listed report carried: told a committee, said by an office, not an outlet", () => {
    for (const claim of [
      'The chief executive told the committee that revenue fell 12% last year.',
      'The White House said 4,000 troops would deploy in May.',
      'Icahn said the board met 4 times.',
    ]) {
      const post = closing(claim);
      expect([claim, post.blocks[0].credits, uncited(post)]).toEqual([claim, [{ via: 'source-line', block: 2 }], []]);
    }
  });

  it('a source line in the middle of a post credits only the paragraph above it', () => {
    const post = markdownPost(
      'Ferry fares rose 12% in March.',
      'Rents rose 14% in the city last year.',
      'Source: [City Council](https://council.example/rents)',
      'The harbour holds 300 boats.',
    );
    expect(post.blocks[1].credits).toEqual([{ via: 'source-line', block: 2 }]);
    expect(uncited(post)).toEqual([0, 3]);
  });

  it('an unlinked "Source:" line credits nothing', () => {
    const post = markdownPost(
      'Ferry fares rose 12% in March.',
      'The harbour holds 300 boats.',
      'Source: Box Office Mojo',
    );
    // (The paragraph right above it is credited as before, with no link: the line says where it is from.)
    expect(uncited(post)).toEqual([0]);
  });

  // "The The The …" (a run of capitalised words, each a start of "the … said"): read in linear time.
  it('a run of capitalised words before a closing line is read in linear time', () => {
    const post = (n: number): string =>
      `The board met 4 times. ${'The '.repeat(n / 4)}board\n\nSource: [Ledger](https://l.example/)\n`;
    const run = (text: string) => () => void extractPost(parseDocument(text, { source: 'big.md' })[0]);
    expect(markdownPost(post(400)).blocks[0].credits).toEqual([{ via: 'source-line', block: 1 }]);
    expect(growthRatio(run(post(50_000)), run(post(200_000)), 6, 50)).toBeLessThan(6);
  });
});
