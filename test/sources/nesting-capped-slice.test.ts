import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { capNesting } from '../../src/sources/html-nesting.js';
import { parseHtmlDocument } from '../../src/sources/html.js';
import { forEachElement, parseHtmlTree } from '../../src/sources/html-tree.js';

// Tags of every kind capNesting models: blocks that close a <p>, items and cells that close
// their siblings, inline and void elements, foreign content, raw text, and stray end tags.
const TAGS = [
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<li>',
  '</li>',
  '<ul>',
  '</ul>',
  '<td>',
  '<tr>',
  '</tr>',
  '<table>',
  '<b>',
  '</b>',
  '<a href="x">',
  '</a>',
  '<span>',
  '</span>',
  '<br>',
  '<img src="y">',
  '<svg>',
  '<path/>',
  '</svg>',
  '<dd>',
  '<dt>',
  '<article>',
  '</article>',
  '<section>',
  '<title>t</title>',
  'text ',
];

describe('capNesting of a slice of a capped page', () => {
  it('drops nothing more: an element cut from a capped page nests no deeper than the page allowed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TAGS), { maxLength: 120 }),
        fc.integer({ min: 2, max: 6 }),
        (tags, max) => {
          const page = capNesting(tags.join(''), max).html;
          const root = parseHtmlTree(page, { indices: true });
          forEachElement(root, (el) => {
            // html.ts marks no body inside SVG or MathML, which a slice would read out of context.
            if (el.name === 'svg' || el.name === 'math') return false;
            const slice = page.slice(el.startIndex ?? 0, (el.endIndex ?? page.length - 1) + 1);
            expect(capNesting(slice, max).dropped).toBe(0);
          });
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('extracting a page read by parseHtmlDocument', () => {
  it('gives the same post whether or not its body, cut from the capped page, is capped again', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 10, max: 30 }),
        (tags, times) => {
          const page = `<html><body><article><h1>T</h1>${tags.join('').repeat(times)}</article></body></html>`;
          const post = parseHtmlDocument(page, { source: 'page.html' });
          // A copy is not marked as cut from a capped page: extraction caps its body again.
          expect(extractPost(post)).toEqual(extractPost({ ...post }));
        },
      ),
      { numRuns: 150 },
    );
  });
});
