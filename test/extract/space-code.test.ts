import { describe, expect, it } from 'vitest';
import { markOrphanTags } from '../../src/extract/prepare-html.js';
import { countText } from '../../src/sources/reader-patterns.js';
import { FOLDED_SPACE, isSpaceCode } from '../../src/sources/space-code.js';

describe('isSpaceCode (markOrphanTags reads what lies between two `</a>` by it)', () => {
  it('is true for exactly the code units JavaScript `\\s` matches', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('a doubled `</a>` with only spaces between closes nothing new; a word between marks a lost link', () => {
    const doubled = markOrphanTags('<p><a href="https://a.example/">a</a>\u3000\u00a0</a></p>');
    const lost = markOrphanTags('<p><a href="https://a.example/">a</a>\u3000b</a></p>');
    expect(doubled).not.toContain('x-cc-oa');
    expect(lost).toContain('x-cc-oa');
  });
});

describe('FOLDED_SPACE (the reader forecast refuses a text holding one)', () => {
  it('is the white space of `\\s` that countText counts as a character', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const countedAsText = /\s/.test(ch) && countText(ch).chars === 1;
      if (FOLDED_SPACE.test(ch) !== countedAsText) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});
