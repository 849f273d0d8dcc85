import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlankHtml } from '../../src/sources/wordpress.js';

/** isBlankHtml as it was before its early exit: comments, then tags, then spaces and `&nbsp;` removed. */
function blankByReplacing(html: string): boolean {
  const bare = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  if (/\b(?:href|src)\s*=/i.test(bare)) return false;
  return bare.replace(/<[^<>]*>/g, '').replace(/&nbsp;|&#160;|\s/gi, '') === '';
}

// Fragments that make the scan's cases meet: tags, broken tags, comments cut in two, entities
// cut by a tag (`&nb<b>sp;` is blank once the tag is gone), spaces of every kind, and text.
const FRAGMENTS = [
  '<',
  '>',
  '<!--',
  '-->',
  '&',
  'nbsp',
  'NBSP',
  ';',
  '#160',
  '&nbsp;',
  '&#160;',
  ' ',
  '\n',
  '\u00a0',
  '\u3000',
  'x',
  '<p>',
  '</a>',
  '<img src=x>',
  ' href=',
  'p',
  's',
];

describe('isBlankHtml (a WordPress body with nothing to read)', () => {
  it('decides as removing comments, tags and spaces does, on any mix of fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }), (parts) => {
        const html = parts.join('');
        expect(isBlankHtml(html)).toBe(blankByReplacing(html));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['word</a> word</a> ', false],
    ['&nb<b>sp;', true],
    ['<p>&nbsp;</p>\n', true],
    ['<p>x<', false],
    ['< p', false],
    ['<!-- a -->\n<p></p>', true],
  ])('%j is blank: %s', (html, blank) => {
    expect(isBlankHtml(html)).toBe(blank);
  });
});
