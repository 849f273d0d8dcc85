import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost } from '../../src/types.js';

/** Extracts a Markdown document (no front matter URL, so nothing resolves relative links). */
function md(text: string): ExtractedPost {
  const [post] = parseDocument(text, { source: 'post.md' });
  return extractPost(post);
}

/** The finding codes an offline report of `post` raises. */
function findingCodes(post: ExtractedPost): string[] {
  return buildReport({
    posts: [post],
    results: new Map(),
    startedAt: new Date(0),
    durationMs: 0,
    offline: true,
  }).findings.map((f) => f.code);
}

describe('Markdown: only explicit URLs become links', () => {
  it('leaves file names, bare domains, e-mail addresses and //paths in prose as text', () => {
    const text =
      'Edit CHANGES.md and main.ts, or ask the host site-docs.net (write to ops@site-docs.net) about //share.site-docs.net/x.';
    const post = md(`${text}\n`);
    expect(post.blocks[0].citations).toEqual([]);
    expect(post.blocks[0].text).toBe(text);
  });

  it('still links explicit http(s) URLs, <autolinks> and real Markdown links', () => {
    const post = md(
      'Read https://plain.example.org/a and <https://angle.example.org/b> and [c](https://inline.example.org/c).\n',
    );
    expect(post.blocks[0].citations.map((c) => c.url)).toEqual([
      'https://plain.example.org/a',
      'https://angle.example.org/b',
      'https://inline.example.org/c',
    ]);
  });

  it('records a link whose URL holds a space as one invalid citation, not as links from its pieces', () => {
    const post = md('The budget [grew](https://bud get.example.org/2024) last year.\n');
    const [block] = post.blocks;
    expect(block.text).toBe('The budget grew last year.');
    expect(block.citations).toHaveLength(1);
    expect(block.citations[0]).toMatchObject({ anchorText: 'grew', rawHref: 'https://bud get.example.org/2024' });
    expect(block.citations[0].invalid).toBeDefined();
    expect(findingCodes(post)).toContain('LINK_INVALID');
  });

  it('calls a space in the path invalid too: Markdown shows such a link as plain text', () => {
    const [block] = md('See [the table](https://stats.example.org/a table.csv).\n').blocks;
    expect(block.citations.map((c) => [c.anchorText, c.invalid !== undefined])).toEqual([['the table', true]]);
  });

  it('does not take bracketed prose followed by a parenthesis for a link', () => {
    const [block] = md('He wrote [sic] (twice) and [this](not a url).\n').blocks;
    expect(block.citations).toEqual([]);
    expect(block.text).toBe('He wrote [sic] (twice) and [this](not a url).');
  });

  it('does not linkify pieces of a broken image either', () => {
    const [block] = md('Chart: ![bars](https://img.example.org/a b.png) here.\n').blocks;
    expect(block.citations).toEqual([]);
  });

  it('keeps a real link whose text holds a broken one, and ignores broken links in code', () => {
    const [block] = md(
      'Here [see [a](https://b c) too](https://outer.example.org/) and `[k](https://code ex)`.\n',
    ).blocks;
    expect(block.citations.map((c) => [c.anchorText, c.url])).toEqual([
      ['see [a](https://b c) too', 'https://outer.example.org/'],
    ]);
  });
});
