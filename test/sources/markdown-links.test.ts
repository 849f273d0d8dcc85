import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost } from '../../src/types.js';

/** Extracts a Markdown document (no front matter URL, so nothing resolves relative links). */
function md(text: string): ExtractedPost {
  const [post] = parseDocument(text, { source: 'post.md' });
  return extractPost(post);
}

describe('Markdown: only explicit URLs become links', () => {
  it('leaves file names, bare domains, e-mail addresses and //paths in prose as text', () => {
    const text = 'Edit CHANGES.md and main.ts, or ask the host site-docs.net (write to ops@site-docs.net) about //share.site-docs.net/x.';
    const post = md(`${text}\n`);
    expect(post.blocks[0].citations).toEqual([]);
    expect(post.blocks[0].text).toBe(text);
  });

  it('still links explicit http(s) URLs, <autolinks> and real Markdown links', () => {
    const post = md('Read https://plain.example.org/a and <https://angle.example.org/b> and [c](https://inline.example.org/c).\n');
    expect(post.blocks[0].citations.map((c) => c.url)).toEqual([
      'https://plain.example.org/a',
      'https://angle.example.org/b',
      'https://inline.example.org/c',
    ]);
  });
});
