import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';
import type { Block, ExtractedPost } from '../../src/types.js';
import { ROOT } from '../cli/run-cli.js';
import { markdownPost, uncited } from '../helpers/claim-posts.js';
import { growthRatio } from '../helpers/linear-time.js';

// A closing "Sources: …" line naming several parties is the post's reference list written as
// one line (issue 8): each paragraph attributing to a listed party by name is credited by that
// party's links, not the paragraph right above the line alone.

const DIR = path.join(ROOT, 'test/fixtures/credits');

function fixture(name: string): ExtractedPost {
  const [post] = parseDocument(readFileSync(path.join(DIR, name)), { source: name });
  return extractPost(post);
}

/** The entries of a closing "Sources:" line that credit a block by name. */
const byEntry = (block: Block): string[] =>
  (block.credits ?? []).filter((c) => c.via === 'reference-list').map((c) => c.entry ?? '');

/** A block's credited links as [url, via]. */
const credited = (block: Block): Array<[string, string | undefined]> =>
  block.citations.filter((c) => c.via !== undefined).map((c): [string, string | undefined] => [c.url, c.via]);

describe('a closing "Sources:" line of several named links (issue 8)', () => {
  it('HTML: credits the paragraphs naming a listed party, by its links alone ("(2)" links are its own)', () => {
    const post = fixture('inline-sources-line.html');
    const line = post.blocks[6];
    expect([line.kind, line.isClaim, line.citations.length]).toEqual(['reference', false, 6]);
    const [, radio, ledger, ledgerAgain, unlisted, social] = post.blocks;
    expect(credited(radio)).toEqual([
      ['https://radio.example.org/news/dredging', 'reference-list'],
      ['https://radio.example.org/news/dredging-2', 'reference-list'],
    ]);
    expect(radio.credits).toEqual([{ via: 'reference-list', block: 6, entry: 'Coast Radio' }]);
    for (const block of [ledger, ledgerAgain])
      expect(credited(block).map(([url]) => url)).toEqual([
        'https://ledger.example.com/harbour-vote',
        'https://ledger.example.com/harbour-vote-2',
      ]);
    // "Mira Okafor/Social" names Mira Okafor; the photo credit's link credits nothing.
    expect(credited(social)).toEqual([['https://social.example/okafor/status/1', 'reference-list']]);
    // A party not in the line ("Harbour Watch reported") leaves its paragraph uncited.
    expect(unlisted.credits).toBeUndefined();
    expect(uncited(post)).toEqual([4]);
  });

  it('Markdown: the paragraph right above the line is credited only when it names a listed party', () => {
    const post = fixture('inline-sources-line.md');
    expect(post.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph', 'reference']);
    expect(credited(post.blocks[1])).toEqual([['https://gazette.example.com/fares', 'reference-list']]);
    expect(credited(post.blocks[2])).toEqual([['https://tidefm.example.org/ferry', 'reference-list']]);
    // "the Shore Times said": not listed, so not credited by the line under it.
    expect(post.blocks[3].credits).toBeUndefined();
    expect(uncited(post)).toEqual([3]);
  });

  it('a leading "the" and case are ignored; "told" and "according to" attribute; a mere mention does not', () => {
    const post = markdownPost(
      'The mayor told THE HARBOUR POST that 30 jobs would go.',
      'According to the Ferry Herald, fares rose 9%.',
      'The Harbour Post was founded 120 years ago and sold 40,000 copies.',
      'Sources: [The Harbour Post](https://post.example/jobs), [Ferry Herald](https://herald.example/fares)',
    );
    expect(credited(post.blocks[0])).toEqual([['https://post.example/jobs', 'reference-list']]);
    expect(credited(post.blocks[1])).toEqual([['https://herald.example/fares', 'reference-list']]);
    // A mere mention names no entry (the line credits it only as the story's closing line: closing-source-line.test.ts).
    expect(byEntry(post.blocks[2])).toEqual([]);
  });

  it('a "Source:" line of one link keeps crediting the paragraph above it; a mid-story "Sources say" is no list', () => {
    const single = markdownPost(
      'Rents rose 14% in the city last year, the council said.',
      'Source: [City Council](https://council.example/rents)',
    );
    expect(single.blocks[1].kind).toBe('source-line');
    expect(single.blocks[0].credits).toEqual([{ via: 'source-line', block: 1 }]);
    const story = markdownPost(
      'Sources say the board will vote again, as [Coast Radio](https://radio.example/a) and [Daily Ledger](https://ledger.example/b) reported.',
      'Coast Radio reported that 4 members would abstain.',
      'The vote is set for Friday and will be streamed.',
      'Sources: [Daily Ledger](https://ledger.example/c), [Coast Radio](https://radio.example/d)',
    );
    expect(story.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'reference']);
    expect(story.blocks[0].citations.map((c) => c.via)).toEqual([undefined, undefined]);
    expect(credited(story.blocks[1])).toEqual([['https://radio.example/d', 'reference-list']]);
  });
});

describe('a listed person named by surname alone (issue 8, claims35)', () => {
  const page = (...paragraphs: string[]): ExtractedPost =>
    extractPost(
      parseDocument(`<html><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`, {
        source: 'story.html',
      })[0],
    );
  const SOURCES =
    'Sources: <a href="https://social.example/kconway/status/1">Kellyanne Conway/Twitter</a>, <a href="https://radio.example.org/news/ferry">Coast Radio</a>';

  it('"Conway tweeted …" is credited by the entry "Kellyanne Conway/Twitter", as the full name is', () => {
    const post = page(
      'Kellyanne Conway defended the ferry plan on Sunday.',
      'Conway tweeted that the plan would save $40 million over ten years.',
      'Later, Ms. Conway said that 300 jobs would be saved.',
      'Conway grew up near the harbour, in a town of 3,000 people.',
      SOURCES,
    );
    expect(post.blocks.map(byEntry)).toEqual([[], ['Kellyanne Conway'], ['Kellyanne Conway'], [], []]);
    // What no one is said to have said is credited by the closing line as a whole (closing-source-line.ts).
    expect(uncited(post)).toEqual([]);
  });

  it('a surname the post gives someone else, or another entry holds, or an organisation’s last word, credits nothing', () => {
    const shared = page(
      'George Conway disagreed with the ferry plan.',
      'Conway tweeted that the plan would save $40 million over ten years.',
      SOURCES,
    );
    expect(byEntry(shared.blocks[1])).toEqual([]);
    const twoEntries = page(
      'Conway tweeted that the plan would save $40 million over ten years.',
      'Sources: <a href="https://social.example/k/1">Kellyanne Conway/Twitter</a>, <a href="https://social.example/g/2">George Conway/Twitter</a>',
    );
    expect(byEntry(twoEntries.blocks[0])).toEqual([]);
    const organisation = page('Radio reported that the plan would save $40 million over ten years.', SOURCES);
    expect(organisation.blocks[0].credits).toBeUndefined();
  });
});

describe('a closing "Sources:" line is read in linear time (issue 13)', () => {
  // A 200 KB post of attributed paragraphs and a Sources line of many links: the paragraphs'
  // names are looked up in one pass each, whatever the number of entries.
  it('a 200 KB post with a long Sources line', () => {
    const post = (n: number): string => {
      const paragraphs = Array.from(
        { length: Math.floor(n / 120) },
        (_, i) => `Outlet ${i} reported that ${i} boats were late, according to the Daily Ledger and Coast Radio.`,
      );
      const links = Array.from(
        { length: Math.floor(n / 400) },
        (_, i) => `[Outlet ${i}](https://o${i}.example/) ([2](https://o${i}.example/2))`,
      );
      return `${paragraphs.join('\n\n')}\n\nSources: ${links.join(', ')}, [Daily Ledger](https://l.example/), [Coast Radio](https://r.example/)\n`;
    };
    const run = (text: string) => () => void extractPost(parseDocument(text, { source: 'big.md' })[0]);
    expect(markdownPost(post(2000)).blocks.at(-1)?.kind).toBe('reference');
    expect(growthRatio(run(post(50_000)), run(post(200_000)), 6, 50)).toBeLessThan(6);
  });
});
