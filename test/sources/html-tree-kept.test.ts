import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseHtmlDocument } from '../../src/sources/html.js';
import { keepHtmlTree, parseHtmlTree } from '../../src/sources/html-tree.js';

// A page that is its article alone: its post body is the whole page.
const PAGE = `<article>${Array.from(
  { length: 40 },
  (_, i) => `<p>Claim ${i} says 42%, per <a href="https://news.example.org/${i}">the source</a>.</p>`,
).join('\n')}</article>`;

describe('a page that is its own body is parsed once (issue 13)', () => {
  it('extracts exactly what a fresh parse of the body gives', () => {
    const post = parseHtmlDocument(PAGE, { source: 'article.html' });
    expect(post.body).toBe(PAGE);
    const reused = extractPost(post);
    // The same post again, the kept tree gone (any other parse drops it): parsed afresh.
    parseHtmlTree('<p>other</p>');
    const fresh = extractPost({ ...post });
    expect(reused).toEqual(fresh);
    expect(reused.blocks).toHaveLength(40);
  });

  it('gives a kept tree to the next parse of the same text and options only, once', () => {
    const root = parseHtmlTree('<p>x</p>', { indices: true });
    keepHtmlTree('<p>x</p>', true, root);
    expect(parseHtmlTree('<p>x</p>', { indices: false })).not.toBe(root);
    keepHtmlTree('<p>x</p>', true, root);
    expect(parseHtmlTree('<p>x</p>', { indices: true })).toBe(root);
    expect(parseHtmlTree('<p>x</p>', { indices: true })).not.toBe(root);
    keepHtmlTree('<p>x</p>', true, root);
    parseHtmlTree('<p>y</p>');
    expect(parseHtmlTree('<p>x</p>', { indices: true })).not.toBe(root);
  });
});
