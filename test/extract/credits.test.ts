import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';
import type { Block, ExtractedPost, Post } from '../../src/types.js';
import { ROOT, runCli } from '../cli/run-cli.js';
import { markdownPost, uncited } from '../helpers/claim-posts.js';

const DIR = path.join(ROOT, 'test/fixtures/credits');

function fixture(name: string): ExtractedPost {
  const [post] = parseDocument(readFileSync(path.join(DIR, name)), { source: name });
  return extractPost(post);
}

function html(body: string): ExtractedPost {
  const post: Post = { source: 'p.html', kind: 'html', body, bodyFormat: 'html', warnings: [] };
  return extractPost(post);
}

function report(post: ExtractedPost) {
  return buildReport({ posts: [post], results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true });
}

/** Findings as "CODE@block". */
function findings(post: ExtractedPost): string[] {
  return report(post).findings.map((f) => `${f.code}@${f.block ?? '-'}`);
}

/** A block's links as [url, via]. */
function links(block: Block): Array<[string, string | undefined]> {
  return block.citations.map((c): [string, string | undefined] => [c.url, c.via]);
}

describe('footnotes credit the paragraph that carries the mark (issue 8)', () => {
  it('WordPress core footnotes: the note’s links are the paragraph’s, via "footnote"', () => {
    const post = fixture('wordpress-core-footnotes.json');
    expect(post.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'footnote', 'footnote']);
    const [first, second, third, note1, note2] = post.blocks;
    expect(links(first)).toEqual([['https://harbour.example.org/reports/dredging-2024.pdf', 'footnote']]);
    expect(first.citations[0].sentence).toBe('Harbour Authority, Dredging report 2024, table 3.');
    expect(first.credits).toEqual([{ via: 'footnote', block: 3 }]);
    // A note that names its source without a link still credits the claim.
    expect([links(second), second.credits]).toEqual([[], [{ via: 'footnote', block: 4 }]]);
    expect(third.credits).toBeUndefined();
    // The note keeps its own link; the "↩" back-link and the mark are no citations.
    expect(links(note1)).toEqual([['https://harbour.example.org/reports/dredging-2024.pdf', undefined]]);
    expect([note1.isClaim, note2.isClaim, links(note2)]).toEqual([false, false, []]);
    expect(findings(post)).toEqual(['CLAIM_UNCITED@2']);
    expect(report(post).totals.citations).toBe(1);
  });

  it('classic HTML notes (<sup><a href="#fn1"> and <li id="fn1">)', () => {
    const post = fixture('classic-footnotes.html');
    expect(post.blocks.map((b) => [b.kind, b.credits?.map((c) => c.block) ?? []])).toEqual([
      ['heading', []],
      ['paragraph', [4]],
      ['paragraph', [5]],
      ['paragraph', []],
      ['footnote', []],
      ['footnote', []],
    ]);
    expect(links(post.blocks[1])).toEqual([['https://ferry.example.com/notices/winter-2025', 'footnote']]);
    expect(post.blocks.flatMap((b) => b.citations.map((c) => c.rawHref)).filter((h) => h.startsWith('#'))).toEqual([]);
    expect(findings(post)).toEqual(['CLAIM_UNCITED@3']);
  });

  it('Markdown footnotes ([^1] marks, [^1]: notes), a note marked twice credits its block once', () => {
    const post = fixture('markdown-footnotes.md');
    const [, first, second, plain, note1, note2] = post.blocks;
    expect(links(first)).toEqual([['https://port.example.net/log/2025-03-03', 'footnote']]);
    expect(links(second)).toEqual([['https://tides.example.org/summary/2024', 'footnote']]);
    expect(second.credits).toEqual([{ via: 'footnote', block: 5 }]);
    expect([plain.isClaim, note1.kind, note2.kind]).toEqual([false, 'footnote', 'footnote']);
    // Lines point at the notes in the file.
    expect([note1.line, note2.line]).toEqual([13, 14]);
    expect(findings(post)).toEqual([]);
  });

  it('a mark whose note is missing credits nothing and is no figure', () => {
    const post = html('<p>Crates left the dock on time.<sup><a href="#fn9">9</a></sup></p>');
    expect(post.blocks[0].credits).toBeUndefined();
    expect(post.blocks[0].signals).not.toContain('number');
  });
});

describe('quotes and source lines (issue 8)', () => {
  const post = fixture('quote-and-source-lines.html');
  const [intro, quote, repairs, source, pullquote, caption, masterSays, citeLine, figure, photo] = post.blocks;

  it('a WordPress quote block is one quote claim with its <cite> (no quotation marks needed)', () => {
    expect(quote.kind).toBe('blockquote');
    expect(quote.text).toBe(
      'The wall is sound for now, but it will not survive another winter of storms like the last one. Chief inspector, inspection report',
    );
    expect(quote.signals).toEqual(['citation', 'quote']);
    expect(links(quote)).toEqual([['https://inspectorate.example.gov/reports/harbour-wall', undefined]]);
    expect(intro.credits).toBeUndefined();
  });

  it('"Source: …" under a paragraph credits it, via "source-line"', () => {
    expect([source.kind, source.isClaim]).toEqual(['source-line', false]);
    expect(links(repairs)).toEqual([['https://council.example.gov/budget/2025', 'source-line']]);
    expect(repairs.citations[0].sentence).toBe('Source: council budget 2025');
  });

  it('a closing "Source: A, B" line right under a paragraph stays its source line, both links (review35 F3)', () => {
    const p = markdownPost(
      'Coast Radio reported that 40 berths are empty, the most since 2019.',
      'Wages grew 3.9% from a year earlier, the slowest pace since 2021.',
      'Source: [Bureau of Labor Statistics](https://bls.example.gov/a), [Census Bureau](https://census.example.gov/b), [Coast Radio](https://radio.example/c)',
    );
    expect(p.blocks[2].kind).toBe('source-line');
    expect(p.blocks[1].citations.map((c) => [c.url, c.via])).toEqual([
      ['https://bls.example.gov/a', 'source-line'],
      ['https://census.example.gov/b', 'source-line'],
      ['https://radio.example/c', 'source-line'],
    ]);
    // The closing line still credits a paragraph elsewhere that names a listed party.
    expect(p.blocks[0].citations.map((c) => [c.url, c.via])).toEqual([['https://radio.example/c', 'reference-list']]);
    expect(uncited(p)).toEqual([]);
  });

  it('a <figcaption> with a link under a pull quote, and a <cite> line under a paragraph, credit them', () => {
    expect([pullquote.kind, caption.kind]).toEqual(['blockquote', 'source-line']);
    expect(links(pullquote)).toEqual([['https://news.example.com/2025/02/harbour-master', 'source-line']]);
    expect(citeLine.kind).toBe('source-line');
    expect(links(masterSays)).toEqual([['https://news.example.com/2025/03/follow-up', 'source-line']]);
  });

  it('a photo credit under an image credits no claim', () => {
    expect([photo.kind, figure.credits]).toEqual(['figcaption', undefined]);
  });

  it('reports only the claim left uncited', () => {
    expect(findings(post)).toEqual(['CLAIM_UNCITED@8']);
  });

  it('an inline <q> and a bare <blockquote> are quotes', () => {
    const out = html('<p>He called it <q>a disgrace</q>.</p><blockquote>No quotation marks here at all</blockquote>');
    expect(out.blocks.map((b) => b.signals)).toEqual([['quote'], ['quote']]);
  });

  it('a "Via" line with a link credits the paragraph above; a sentence starting "Via Rail" does not', () => {
    const out = html(
      '<p>The line reopened on Monday.</p><p>Via <a href="https://rail.example/news">Rail News</a></p><p>Via Rail said 200 trains run daily, an official said.</p>',
    );
    expect(out.blocks.map((b) => b.kind)).toEqual(['paragraph', 'source-line', 'paragraph']);
    expect(links(out.blocks[0])).toEqual([['https://rail.example/news', 'source-line']]);
  });
});

describe('a quote introduced by a linked paragraph (issue 8)', () => {
  it('credits every paragraph of the quote from the paragraph right before it, via "quote-intro"', () => {
    const out = html(
      '<p>Askar explained the bug in <a href="https://blog.example/advisory">a blog post</a>. Here is how it works.</p>' +
        '<blockquote><p>The client may send 300 nested lists to the server.</p><pre>{"a": [[[]]]}</pre><p>It has to build 30,000,000 objects.</p></blockquote>' +
        '<p>Officials said 40 servers went down.</p>',
    );
    expect(out.blocks.map((b) => b.kind)).toEqual(['paragraph', 'blockquote', 'blockquote', 'paragraph']);
    expect(out.blocks.map((b) => b.credits)).toEqual([
      undefined,
      [{ via: 'quote-intro', block: 0 }],
      [{ via: 'quote-intro', block: 0 }],
      undefined,
    ]);
    expect(links(out.blocks[2])).toEqual([['https://blog.example/advisory', 'quote-intro']]);
    expect(out.blocks[2].citations[0].sentence).toContain('Here is how it works.');
    expect(findings(out)).toEqual(['CLAIM_UNCITED@3']);
  });

  it('a quote paragraph with its speaker, right after a linked paragraph ending with a colon, is credited by it', () => {
    const out = html(
      '<p>As <a href="https://wire.example/world/2025/05/rents">Reuters reported</a> on Tuesday:</p>' +
        '<p>“Rents will rise 9% more,” the minister said.</p><p>“We need 40,000 homes,” the minister said.</p>' +
        '<p>The report is <a href="https://agency.example/reports/2025.pdf">online</a>.</p><p>“Rents will rise 9% more,” the minister said.</p>',
    );
    expect(out.blocks.map((b) => b.credits?.map((c) => c.via))).toEqual([
      undefined,
      ['quote-intro'],
      undefined,
      undefined,
      undefined,
    ]);
    // Only the quote right after the colon; after a linked paragraph with no colon the quote needs its own source.
    expect(findings(out)).toEqual(['CLAIM_UNCITED@2', 'CLAIM_UNCITED@4']);
  });

  it('a paragraph of the quote that links a source itself keeps only its own link', () => {
    const out = html(
      '<p>From <a href="https://blog.example/advisory">the advisory</a>:</p>' +
        '<blockquote><p>It affects 40 versions.</p><pre>x</pre><p>See <a href="https://wiki.example/protocol">the protocol</a> for 12 packets.</p></blockquote>',
    );
    expect(out.blocks.map((b) => b.credits?.map((c) => c.via))).toEqual([undefined, ['quote-intro'], undefined]);
    expect(links(out.blocks[2])).toEqual([['https://wiki.example/protocol', undefined]]);
  });

  it('a quote after a paragraph without a source link, or whose only link is no source, stays uncited', () => {
    const out = html(
      '<p>Here is the note.</p><blockquote><p>We sold 300 units.</p></blockquote>' +
        '<p>Share on <a href="https://twitter.com/intent/tweet?url=x">Twitter</a></p><blockquote><p>We sold 400 units.</p></blockquote>',
    );
    expect(out.blocks.map((b) => b.credits)).toEqual([undefined, undefined, undefined, undefined]);
    expect(findings(out)).toEqual(['CLAIM_UNCITED@1', 'CLAIM_UNCITED@3']);
  });
});

describe('a reference list at the end (issue 8)', () => {
  const post = fixture('reference-list.md');

  it('reports its entries as the post’s sources (kind "reference")', () => {
    expect(post.blocks.slice(-4).map((b) => b.kind)).toEqual(['heading', 'reference', 'reference', 'reference']);
  });

  it('credits the claims that point to an entry by number or by name', () => {
    const [, byNumber, byTwo, byName, uncited] = post.blocks;
    expect(links(byNumber)).toEqual([['https://harbour.example.org/dredging-2024', 'reference-list']]);
    expect(links(byTwo).map(([url]) => url)).toEqual([
      'https://rivers.example.org/survey',
      'https://coast.example.edu/sediment',
    ]);
    expect(links(byName)).toEqual([['https://harbour.example.org/dredging-2024', 'reference-list']]);
    expect(uncited.credits).toBeUndefined();
    expect(findings(post)).toEqual(['CLAIM_UNCITED@4']);
  });
});

/** The credits a block has from an entry of a reference list or a closing "Sources:" line. */
const byEntry = (block: Block): string[] =>
  (block.credits ?? []).filter((c) => c.via === 'reference-list').map((c) => c.entry ?? '');

describe('a reference name that is a common word (review35 F4)', () => {
  it('"The Hill" is named after "the" only, and no name is found inside a run of capitalised words', () => {
    const post = markdownPost(
      'Lawmakers on Capitol Hill said the budget bill would pass by 40 votes.',
      'Times have changed: the deficit grew 12% last year, the Times reported.',
      'The deal cut $30 billion, according to the Hill.',
      'Michael Bloomberg said he would give $500 million.',
      'Sources: [The Hill](https://hill.example/budget), [The Times](https://times.example/deficit), [Bloomberg](https://bloomberg.example/a)',
    );
    expect(post.blocks[4].kind).toBe('reference');
    // No entry names them (the line credits them only as the story's closing line: closing-source-line.test.ts).
    expect(byEntry(post.blocks[0])).toEqual([]);
    expect(links(post.blocks[1])).toEqual([['https://times.example/deficit', 'reference-list']]);
    expect(links(post.blocks[2])).toEqual([['https://hill.example/budget', 'reference-list']]);
    expect(byEntry(post.blocks[3])).toEqual([]);
  });
});

describe("a closing line offering a party's full document (issue 8)", () => {
  const speech = '[Speech by Ruth Alder to the chamber](https://city.example/speech-2026)';

  it("credits the paragraphs reporting that party's words, not the others", () => {
    const post = markdownPost(
      'The council voted 9 to 1 on Monday, Mayor Ruth Alder said.',
      '"We are recovering," Alder said in a speech to the chamber.',
      'Payrolls grew by 630,000 this year.',
      "READ Alder's full remarks:",
      speech,
    );
    expect(post.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'reference']);
    expect(links(post.blocks[0])).toEqual([['https://city.example/speech-2026', 'reference-list']]);
    expect(links(post.blocks[1])).toEqual([['https://city.example/speech-2026', 'reference-list']]);
    expect(post.blocks[2].credits).toBeUndefined();
    expect(uncited(post)).toEqual([2]);
  });

  it("credits only the party's own words: not critics of it, nor another committee of the same last word", () => {
    const post = markdownPost(
      'The economy added 200,000 jobs in May, the White House said on Friday.',
      'Critics of the White House said the numbers were inflated by 30%.',
      'Republicans said the White House was ignoring inflation, which rose 4% last year.',
      'The House Ethics Committee said it had opened 14 investigations this year.',
      "Read the White House's [full statement](https://wh.example/statement).",
    );
    expect(links(post.blocks[0])).toEqual([['https://wh.example/statement', 'reference-list']]);
    expect(uncited(post)).toEqual([1, 2, 3]);
  });

  it('credits nothing when the line names no party, or stands in the middle of the post', () => {
    const unnamed = markdownPost('Alder said payrolls grew by 630,000.', 'Read the full report:', speech);
    expect(unnamed.blocks[0].credits).toBeUndefined();
    const early = markdownPost(
      'Alder said payrolls grew by 630,000.',
      "Read Alder's full remarks:",
      speech,
      ...Array.from({ length: 6 }, (_, i) => `Paragraph ${i} of the story goes on.`),
    );
    expect(early.blocks[0].credits).toBeUndefined();
  });
});

describe('through the CLI', () => {
  it.each([
    ['wordpress-core-footnotes.json', ['CLAIM_UNCITED']],
    ['classic-footnotes.html', ['CLAIM_UNCITED']],
    ['markdown-footnotes.md', []],
    ['quote-and-source-lines.html', ['CLAIM_UNCITED']],
    ['reference-list.md', ['CLAIM_UNCITED']],
  ])('check --offline %s', async (name, codes) => {
    const result = await runCli(['check', '--offline', '--format', 'json', path.join(DIR, name)]);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as {
      findings: Array<{ code: string }>;
      posts: Array<{ blocks: Array<{ citations: Array<{ via?: string }> }> }>;
    };
    expect(out.findings.map((f) => f.code)).toEqual(codes);
    expect(out.posts[0].blocks.some((b) => b.citations.some((c) => c.via !== undefined))).toBe(true);
  });
});
