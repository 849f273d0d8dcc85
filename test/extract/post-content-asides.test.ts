import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { buildReport } from '../../src/report/build.js';
import { loadInputs } from '../../src/sources/index.js';
import type { ExtractedPost, Post } from '../../src/types.js';
import { runCli } from '../cli/run-cli.js';

const FIXTURE = 'test/fixtures/inputs/wordpress-asides.json';

async function extract(): Promise<ExtractedPost> {
  const [post] = await loadInputs([FIXTURE]);
  return extractPost(post);
}

describe("an <aside> in a WordPress post's content.rendered (issue 8)", () => {
  it('reads a note with its source, as the story container rules read them on a page; a pull quote is the body again', async () => {
    const post = await extract();
    const texts = post.blocks.map((b) => b.text);
    expect(texts).not.toContain('We cannot keep the channel open at this rate for another ten years.');
    const note = post.blocks.find((b) => b.text.startsWith('The 1990 figure comes from'));
    expect(note?.citations.map((c) => [c.url, c.role])).toEqual([
      ['https://archive.example.net/port-survey-1990', undefined],
    ]);
    expect(note?.isClaim).toBe(true);
  });

  it('leaves out what sells the site or tells another story: a newsletter box, an ad slot, a card of three links', async () => {
    const post = await extract();
    const urls = post.blocks.flatMap((b) => b.citations.map((c) => c.url));
    expect(urls).toEqual([
      'https://harbour.example.org/reports/2025-dredging',
      'https://archive.example.net/port-survey-1990',
    ]);
    expect(post.blocks.some((b) => /newsletter|insurance|Ferry fares/i.test(b.text))).toBe(false);
  });

  it('an aside inside furniture of the content (a footer) stays out; an HTML fragment that is no post content keeps its asides skipped', () => {
    const body =
      '<p>The port handled 4 million tonnes in 2024, its figures show.</p><footer><aside><p>This story was updated on 3 June with the figures of the port, as <a href="https://port.example/figures">published</a>.</p></aside></footer>';
    const base: Omit<Post, 'kind'> = { source: 'p', body, bodyFormat: 'html', warnings: [] };
    for (const kind of ['wordpress', 'markdown'] as const) {
      const post = extractPost({ ...base, kind });
      expect(post.blocks.map((b) => b.text)).toEqual(['The port handled 4 million tonnes in 2024, its figures show.']);
    }
    const bare =
      '<p>The port handled 4 million tonnes in 2024, its figures show.</p><aside><p>A note on the figures of the port, as <a href="https://port.example/figures">published</a> by it.</p></aside>';
    expect(extractPost({ ...base, body: bare, kind: 'wordpress' }).blocks).toHaveLength(2);
    expect(extractPost({ ...base, body: bare, kind: 'html' }).blocks).toHaveLength(1);
  });

  it('through the CLI: the note credits its paragraph, and the report counts its source', async () => {
    const run = await runCli(['extract', FIXTURE]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { posts: ExtractedPost[] };
    const cited = out.posts[0].blocks.filter((b) => b.citations.some((c) => c.role === undefined));
    expect(cited.map((b) => b.text.slice(0, 24))).toEqual(['The harbour authority dr', 'The 1990 figure comes fr']);
    const report = buildReport({
      posts: [await extract()],
      results: new Map(),
      startedAt: new Date(0),
      durationMs: 0,
      offline: true,
    });
    expect(report.totals.citations).toBe(2);
  });
});

describe('an advertisement or a pull quote in an <aside> of content.rendered is not the story', () => {
  it('leaves out deal, partner and affiliate boxes and the pull quote; reads the note with its source', async () => {
    const [raw] = await loadInputs(['test/fixtures/inputs/wordpress-ad-asides.json']);
    const post = extractPost(raw);
    expect(post.blocks.map((b) => b.text.slice(0, 30))).toEqual([
      'The board voted 5-1 on Monday ',
      '“Families will sell their boat',
      'Note: The fee figures come fro',
    ]);
    expect(post.blocks.flatMap((b) => b.citations.map((c) => c.url))).toEqual([
      'https://board.example.org/papers/2026-fees.pdf',
    ]);
    // The quote is one claim, once.
    expect(post.blocks.filter((b) => b.text.includes('Families will sell'))).toHaveLength(1);
  });
});
