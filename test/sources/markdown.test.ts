import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';

describe('Markdown documents', () => {
  it('reads TOML (+++) front matter like YAML, and it never becomes a block', () => {
    const [post] = parseDocument(
      '+++\ntitle = "Toml title"\ndate = 2024-01-01\nurl = "https://site.test/p/"\n+++\n\nText [x](/y).\n',
      { source: 'p.md' },
    );
    expect(post.title).toBe('Toml title');
    expect(post.published).toBe('2024-01-01T00:00:00Z');
    const blocks = extractPost(post).blocks;
    expect(blocks.map((b) => [b.line, b.text])).toEqual([[7, 'Text x.']]);
    expect(blocks[0].citations[0].url).toBe('https://site.test/y');
  });

  it('gives blocks of a raw HTML block their own line', () => {
    const text =
      'Intro.\n\n![img](https://img.test/a.png)\n\n<div class="note"><p>HTML <a href="https://h.test/">block</a></p></div>\n';
    const [post] = parseDocument(text, { source: 'p.md' });
    expect(extractPost(post).blocks.map((b) => [b.line, b.text])).toEqual([
      [1, 'Intro.'],
      [5, 'HTML block'],
    ]);
  });

  it('reports javascript:, data: and file: links as skipped instead of printing them as text', () => {
    const [post] = parseDocument('Click [js](javascript:alert(1)) and [f](file:///etc/passwd).\n', { source: 'p.md' });
    const [block] = extractPost(post).blocks;
    expect(block.text).toBe('Click js and f.');
    expect(block.citations.map((c) => c.url)).toEqual(['javascript:alert(1)', 'file:///etc/passwd']);
  });
});

describe('Markdown front matter URL fields', () => {
  /** The post URL and where a root-relative link resolves. */
  function urls(frontMatter: string): [string | undefined, string | undefined] {
    const [post] = parseDocument(`---\n${frontMatter}\n---\n\nSee [x](/y).\n`, { source: 'p.md' });
    return [post.url, extractPost(post).blocks[0].citations[0].checkUrl];
  }

  it.each([
    ['canonical_url: https://blog.test/a/', 'https://blog.test/a/'],
    ['permalink: "https://blog.test/b/"', 'https://blog.test/b/'],
  ])('reads %s as the post URL and the base of relative links', (field, url) => {
    expect(urls(field)).toEqual([url, new URL('/y', url).href]);
  });

  it('prefers url, then canonical_url, then permalink, passing over one that is not absolute', () => {
    expect(urls('permalink: https://p.test/\ncanonical_url: https://c.test/\nurl: https://u.test/')[0]).toBe(
      'https://u.test/',
    );
    expect(urls('permalink: https://p.test/\ncanonical_url: https://c.test/')[0]).toBe('https://c.test/');
    expect(urls('url: /2024/post/\npermalink: https://p.test/x/')[0]).toBe('https://p.test/x/');
  });
});
