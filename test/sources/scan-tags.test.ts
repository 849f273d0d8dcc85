import { describe, expect, it } from 'vitest';
import { scanTags, type ScannedTag } from '../../src/sources/scan-tags.js';

/** The tags scanTags visits, copied (it reuses one object). */
function tagsOf(html: string): ScannedTag[] {
  const tags: ScannedTag[] = [];
  scanTags(html, (tag) => tags.push({ ...tag }));
  return tags;
}

// The scan as it was written before its names and attributes were read by regular
// expressions (a loop over every character): what it found is what the scan must still find.
function referenceTags(html: string): ScannedTag[] {
  const tags: ScannedTag[] = [];
  const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const isNameChar = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 58;
  const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
  const tagEnd = (from: number): number => {
    let quote = 0;
    let afterEquals = false;
    for (let m = from; m < html.length; m++) {
      const c = html.charCodeAt(m);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        continue;
      }
      if (c === 62) return m + 1;
      if (afterEquals && (c === 34 || c === 39)) {
        quote = c;
        afterEquals = false;
      } else if (c === 61) afterEquals = true;
      else if (!isSpace(c)) afterEquals = false;
    }
    return -1;
  };
  const opaque = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template', 'pre']);
  let i = html.indexOf('<');
  while (i !== -1) {
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      if (close === -1) break;
      i = html.indexOf('<', close + 3);
      continue;
    }
    let j = i + 1;
    const closing = html.charCodeAt(j) === 47;
    if (closing) j++;
    if (!isLetter(html.charCodeAt(j))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let k = j + 1;
    while (k < html.length && isNameChar(html.charCodeAt(k))) k++;
    const end = tagEnd(k);
    if (end === -1) break;
    const name = html.slice(j, k).toLowerCase();
    tags.push({ index: i, end, name, closing, selfClosing: html.charCodeAt(end - 2) === 47 });
    if (!closing && opaque.has(name)) {
      const m = new RegExp(`</${name}\\s*>`, 'gi');
      m.lastIndex = end;
      const found = m.exec(html);
      if (!found) break;
      i = html.indexOf('<', found.index + found[0].length);
      continue;
    }
    i = html.indexOf('<', end);
  }
  return tags;
}

describe('scanTags', () => {
  it('ends a tag at the first > outside a value quoted right after =', () => {
    expect(tagsOf('<a href="x>y" title = \'>\'>t</a>').map((t) => [t.name, t.end])).toEqual([
      ['a', 26],
      ['a', 31],
    ]);
    // A quote that does not follow `=` is text of the tag, and opens nothing.
    expect(tagsOf('<a b"c>d</a>').map((t) => t.end)).toEqual([7, 12]);
    // A value's closing quote is not an `=`: the quote after it is text.
    expect(tagsOf('<a x="1"\'>y</a>').map((t) => t.end)).toEqual([10, 15]);
    expect(tagsOf('<my-el:x data-a=1>').map((t) => [t.name, t.end])).toEqual([['my-el:x', 18]]);
  });

  it('finds what the character-by-character scan found, on generated markup', () => {
    const pieces = [
      '<',
      '>',
      '</',
      '/>',
      '"',
      "'",
      '=',
      ' ',
      '\n',
      'a',
      'P',
      'x-y',
      ':',
      '1',
      '<!--',
      '-->',
      'script',
      'pre',
      'é',
    ];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 3000; n++) {
      let html = '';
      const length = next() % 40;
      for (let p = 0; p < length; p++) html += pieces[next() % pieces.length];
      expect(tagsOf(html), html).toEqual(referenceTags(html));
    }
  });

  it('reads a tag that never ends, or a value that never closes, in linear time', () => {
    // Quadratic work here would take minutes: each is a single pass.
    for (const html of [
      `<p>x<a${' b="c" d'.repeat(100_000)}`,
      `<p>x<a b=${'"'.repeat(200_000)}`,
      `<a${' = '.repeat(100_000)}'`,
    ])
      expect(tagsOf(html)).toEqual(referenceTags(html));
  });
});
