import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseHtmlDocument } from '../../src/sources/html.js';
import { parseHtmlTree, type DomNode } from '../../src/sources/html-tree.js';

const PARAGRAPHS = Array.from(
  { length: 40 },
  (_, i) => `<p>Claim ${i} says 42%, per <a href="https://news.example.org/${i}">the source</a>.</p>`,
).join('\n');

/** A page whose article is one element among the site's furniture. */
const page = (article: string, before = '', after = ''): string =>
  `<!doctype html><html><head><title>Post</title></head><body>\n<nav><a href="/">Home</a> <a href="/about">About</a></nav>\n${before}${article}${after}\n<footer><p>© Site</p></footer></body></html>`;

/** A tree as plain data: every field a reader reads, the parent by its name. */
function plain(node: DomNode): unknown {
  return {
    type: node.type,
    name: node.name,
    attribs: node.attribs,
    data: node.data,
    startIndex: node.startIndex,
    endIndex: node.endIndex,
    parent: node.parent ? (node.parent.name ?? node.parent.type) : null,
    children: node.children?.map(plain),
  };
}

/** The tree extraction gets for the post's body (the page's element, when offered), and a fresh parse of it. */
function bodyTrees(html: string): { body: string; reused: unknown; fresh: unknown } {
  const { body } = parseHtmlDocument(html, { source: 'page.html', url: 'https://site.example.org/post' });
  const reused = plain(parseHtmlTree(body, { indices: true }));
  const fresh = plain(parseHtmlTree(body, { indices: true }));
  return { body, reused, fresh };
}

describe("a page's article element is parsed once (issue 12)", () => {
  it("extracts from the page's own nodes exactly what a fresh parse of the body gives", () => {
    const html = page(`<article class="post">\n<h1>Title</h1>\n${PARAGRAPHS}\n</article>`);
    const post = parseHtmlDocument(html, { source: 'page.html', url: 'https://site.example.org/post' });
    expect(post.body.startsWith('<article class="post">')).toBe(true);
    expect(post.body.endsWith('</article>')).toBe(true);
    const reused = extractPost(post);
    parseHtmlTree('<p>other</p>'); // drops a kept tree: the next extraction parses afresh
    const fresh = extractPost({ ...post });
    expect(reused).toEqual(fresh);
    expect(reused.blocks.length).toBeGreaterThan(40);
    // Lines count from the body's own offsets, as a parse of it alone counts them.
    expect(reused.blocks.at(-1)?.citations[0]?.line).toBe(fresh.blocks.at(-1)?.citations[0]?.line);
  });

  it.each([
    ['an article closed by its own end tag', page(`<article>${PARAGRAPHS}</article>`)],
    ['an end tag with spaces', page(`<article>${PARAGRAPHS}</article  >`)],
    ['an article closed by the end tag of a div around it', page(`<div><article>${PARAGRAPHS}</div>`)],
    ['an orphan </p> inside, a paragraph open around it', page(`<article>${PARAGRAPHS}</p>x</article>`, '<p><span>')],
    ['an article left open to the end', page(`<article>${PARAGRAPHS}`)],
    ['an article inside SVG', page(`<svg><foreignObject><article>${PARAGRAPHS}<x/></article></foreignObject></svg>`)],
    ['nested articles', page(`<article><article>${PARAGRAPHS}</article><p>more</p></article>`)],
    ['a list item as the body', page(`<ul><li>${PARAGRAPHS}<li>next</li></ul>`)],
    ['a table cell as the body', page(`<table><tr><td>${PARAGRAPHS}<tr><td>x</td></tr></table>`)],
    ['a tag name holding pattern characters', page(`<article(>${PARAGRAPHS}</article(>`)],
    ['a tag name holding pattern characters, closed by a div', page(`<div><d(v>${PARAGRAPHS}</div>`)],
    // An svg or math opened before the article can leave htmlparser2's foreign context on, where
    // `<span/>` closes itself (review33 F2).
    [
      'a self-closed svg before the article',
      page(`<article>${PARAGRAPHS}<p>a <span/>b</p></article>`, '<svg class="i"/>'),
    ],
    [
      'a self-closed math before the article',
      page(`<article>${PARAGRAPHS}<p><a href="/x"/> b</p></article>`, '<math/>'),
    ],
    [
      'an svg closed by its parent before the article',
      page(`<article>${PARAGRAPHS}<p>a <b/>c</p></article>`, '<a href="/"><svg><path d=""></a>'),
    ],
    ['unclosed paragraphs and entities', page(`<article>${PARAGRAPHS.replace(/<\/p>/g, '')} &amp; &copy;</article>`)],
  ])('builds the tree a parse of the body alone builds: %s', (_, html) => {
    const { reused, fresh } = bodyTrees(html);
    expect(reused).toEqual(fresh);
  });
});
