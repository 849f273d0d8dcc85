import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseHtmlDocument } from '../../src/sources/html.js';

describe('parseHtmlDocument', () => {
  it('prefers the entry content over the whole article, so comments do not count', () => {
    const page = `<article><div class="entry-content"><p>Body <a href="https://src.example/">source</a>.</p></div>
      <section class="comments"><p>Nice post! <a href="https://spam.example/">buy</a></p></section></article>`;
    const post = extractPost(parseHtmlDocument(page, { source: 'p.html' }));
    expect(post.blocks.map((b) => b.text)).toEqual(['Body source.']);
  });

  it('reads a page without <body> or <article> whole, head elements excluded', () => {
    const page = '<title>Bare page</title><meta name="x" content="y"><p>Only <a href="/a">text</a>.</p>';
    const raw = parseHtmlDocument(page, { source: 'bare.html', url: 'https://bare.example/dir/page' });
    expect(raw).toMatchObject({
      title: 'Bare page',
      url: 'https://bare.example/dir/page',
      baseUrl: 'https://bare.example/dir/page',
    });
    const post = extractPost(raw);
    expect(post.blocks.map((b) => b.text)).toEqual(['Only text.']);
    expect(post.blocks[0].citations[0].checkUrl).toBe('https://bare.example/a');
  });

  it('never reads the attributes of a tag after an empty paragraph it leaves out as text', () => {
    // `<p><div class=…>` (a sports site's photo boxes): the parser ends the empty <p> inside the
    // next tag, and blanking it up to there once left `class="…">` standing in the text.
    const page = `<html><body><article><div><p>First paragraph of the story, long enough to be read.</p></p><p><div class="mod-inline image"><div>[+] Enlarge</div></div></p><p><p>Second paragraph of the story, long enough to be read.</p></p><p><p style="font-style:italic">Jane Doe can be reached at jane@example.com.</p></p></div></article></body></html>`;
    const texts = extractPost(parseHtmlDocument(page, { source: 'p.html' })).blocks.map((b) => b.text);
    expect(texts).toContain('Jane Doe can be reached at jane@example.com.');
    expect(texts.join('\n')).not.toMatch(/class=|style=|">/);
  });

  it('keeps orphan </a> traces that the parser would drop', () => {
    const page = '<html><body><main><p>The court ruled</a> on Monday.</p></main></body></html>';
    const post = extractPost(parseHtmlDocument(page, { source: 'o.html' }));
    expect(post.blocks[0].damagedAnchors.map((d) => d.anchorText)).toEqual(['ruled']);
  });

  it('takes the title from the article h1 when there is no og:title, and resolves a relative canonical', () => {
    const page =
      '<head><title>Site name</title><link rel="canonical" href="/2025/story/"></head><body><main><h1>Story  title</h1><p>x</p></main></body>';
    const post = parseHtmlDocument(page, { source: 's.html', url: 'https://news.example/?p=3' });
    expect(post).toMatchObject({
      title: 'Story title',
      url: 'https://news.example/2025/story/',
      baseUrl: 'https://news.example/2025/story/',
    });
  });

  it('reads the publish date from time[datetime] in the article', () => {
    const page = '<article><p>Posted <time datetime="2025-02-03T04:05:06Z">Feb 3</time></p></article>';
    expect(parseHtmlDocument(page, { source: 't.html' }).published).toBe('2025-02-03T04:05:06Z');
  });
});
