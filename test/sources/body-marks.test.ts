import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseBody } from '../../src/sources/html-body.js';
import { forEachElement, parseHtmlTree, type DomNode } from '../../src/sources/html-tree.js';

/** The h1 and time[datetime] elements a walk of the whole tree finds, in document order. */
function walked(root: DomNode): DomNode[] {
  const found: DomNode[] = [];
  forEachElement(root, (el) => {
    if (el.name === 'h1' || (el.name === 'time' && el.attribs?.datetime !== undefined)) found.push(el);
  });
  return found;
}

const PAGES = path.join(import.meta.dirname, '../fixtures/pages');

describe("chooseBody's marks (the page's h1 and time elements, for its title and date)", () => {
  it('are the elements a walk of the whole tree finds, in its order, hidden and furniture ones too', () => {
    const pages = [
      '<html><body><nav><h1>Site</h1><time datetime="2020-01-01">x</time></nav><article><h1>Post</h1><p>text</p><time>no date</time><time datetime="2021-02-03">y</time></article><aside hidden><h1>Aside</h1></aside></body></html>',
      '<article><p>only</p></article>',
      `<div>${'<div>'.repeat(40)}<h1>deep</h1>${'</div>'.repeat(40)}<script>"<h1>"</script><time datetime="">z</time></div>`,
      ...readdirSync(PAGES)
        .filter((f) => f.endsWith('.html'))
        .map((f) => readFileSync(path.join(PAGES, f), 'utf8')),
    ];
    for (const html of pages) {
      const root = parseHtmlTree(html, { indices: true });
      expect(chooseBody(root).marks).toEqual(walked(root));
    }
  });
});
