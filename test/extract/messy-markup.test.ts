import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost, Post } from '../../src/types.js';

/** Extracts an HTML body of a post at https://blog.test/post/. */
function html(body: string): ExtractedPost {
  const post: Post = {
    source: 't.html',
    kind: 'html',
    url: 'https://blog.test/post/',
    body,
    bodyFormat: 'html',
    warnings: [],
  };
  return extractPost(post);
}

/** Each block as [text, [url, anchor text]…, damaged anchor texts]. */
function summary(post: ExtractedPost): Array<[string, string[][], string[]]> {
  return post.blocks.map((b) => [
    b.text,
    b.citations.map((c) => [c.url, c.anchorText]),
    b.damagedAnchors.map((d) => d.anchorText),
  ]);
}

describe('messy markup', () => {
  it('an <a> inside an <a> closes the first, as browsers do; the stray </a> is a damaged anchor', () => {
    const out = html(
      '<p>See <a href="https://one.test/">the <a href="https://two.test/">nested</a> link</a> here.</p>',
    );
    expect(summary(out)).toEqual([
      [
        'See the nested link here.',
        [
          ['https://one.test/', 'the'],
          ['https://two.test/', 'nested'],
        ],
        ['link'],
      ],
    ]);
  });

  it('a paragraph opened inside an unclosed link keeps the link in both paragraphs', () => {
    const out = html('<p>One <a href="https://one.test/">first words\n<p>second words</a> after');
    expect(summary(out)).toEqual([
      ['One first words', [['https://one.test/', 'first words']], []],
      ['second words after', [['https://one.test/', 'second words']], []],
    ]);
  });

  it('a block inside a link that is not in a paragraph stays one link (card markup)', () => {
    const out = html('<div><a href="https://card.test/"><div>Card title</div></a></div>');
    expect(out.blocks.flatMap((b) => b.citations.map((c) => [c.url, c.anchorText]))).toEqual([
      ['https://card.test/', 'Card title'],
    ]);
  });

  it('related posts, share buttons, comments and cookie banners inside the article do not count', () => {
    const page = `<html><body><article><h1>Title</h1><p>Body <a href="https://cited.test/">cited</a>.</p>
      <div class="sharedaddy sd-sharing-enabled"><a href="https://share.test/">Share</a></div>
      <div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p><a href="/other">Other</a></p></div>
      <section class="comments-area"><p>Nice! <a href="https://spam.test/">cheap</a></p></section>
      <div class="cookie-notice"><p>Cookies <a href="/privacy">privacy</a></p></div>
      <div role="complementary"><p><a href="/ad">ad</a></p></div>
      <div class="entry-footer related-content-note"><p>Kept: <a href="https://kept.test/">kept</a></p></div>
      </article></body></html>`;
    const [post] = parseDocument(page, { source: 'page.html' });
    const cites = extractPost(post).blocks.flatMap((b) => b.citations);
    expect(cites.filter((c) => c.role === undefined).map((c) => c.url)).toEqual([
      'https://cited.test/',
      'https://kept.test/',
    ]);
    // A share bar is read, its links kept with their role (issue 8), not dropped.
    expect(cites.filter((c) => c.role !== undefined).map((c) => [c.url, c.role])).toEqual([
      ['https://share.test/', 'share'],
    ]);
  });

  it('a double <br> splits text outside any block, but not inside a paragraph', () => {
    expect(html('First said this.<br><br>\n<br>Second here.<br>Same block.').blocks.map((b) => b.text)).toEqual([
      'First said this.',
      'Second here. Same block.',
    ]);
    expect(html('<p>One<br><br>two</p>').blocks.map((b) => b.text)).toEqual(['One two']);
  });
});
