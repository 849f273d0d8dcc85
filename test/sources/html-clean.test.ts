import { describe, expect, it } from 'vitest';
import { readerJunk } from '../../src/sources/html-clean.js';
import { parseHtmlTree, type DomNode } from '../../src/sources/html-tree.js';

/** The first element named `name` under `root`. */
function first(root: DomNode, name: string): DomNode {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    if (node.name === name) return node;
    stack.push(...[...(node.children ?? [])].reverse());
  }
  throw new Error(`no <${name}>`);
}

/** What readerJunk leaves out of the page's <article>, as tag names with their class. */
function leftOut(html: string): string[] {
  const article = first(parseHtmlTree(html), 'article');
  return readerJunk(article, new Set(), new Set()).map((el) => `${el.name}.${el.attribs?.class ?? ''}`);
}

const paragraphs = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}, with text.</p>`).join('');

describe('readerJunk: what a reader mode leaves out of the body', () => {
  it('leaves nothing out of an article of paragraphs alone', () => {
    expect(leftOut(`<article>${paragraphs(50)}<p><em>an <a href="/x">inline</a> link</em></p></article>`)).toEqual([]);
  });

  // Each kind of element it can leave out, inside a section among paragraphs (no other element
  // it could leave out anywhere): each is still found.
  it.each([
    ['a share box by class', '<span class="share-buttons"><a href="/s">Share</a></span>', ['span.share-buttons']],
    ['a share box by id', '<span id="sharedaddy"><a href="/s">Share</a></span>', ['span.']],
    ['a heading weighed down by its class', '<h2 class="sidebar-title">Related</h2>', ['h2.sidebar-title']],
    [
      'a layout table of links',
      '<table><tr><td><a href="/a">One</a> <a href="/b">Two</a></td></tr></table>',
      ['table.'],
    ],
    ['a form', '<form><input name="q"><input name="r"></form>', ['form.']],
  ])('finds %s among paragraphs', (_kind, junk, expected) => {
    expect(leftOut(`<article>${paragraphs(20)}<section><p>x</p>${junk}</section>${paragraphs(20)}</article>`)).toEqual(
      expected,
    );
  });
});
