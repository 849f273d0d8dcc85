import { describe, expect, it } from 'vitest';
import { capText } from '../../src/extract/walk-blocks.js';
import { shorten } from '../../src/report/shorten.js';
import { sliceWhole } from '../../src/sources/text-slice.js';

// A lone surrogate is written as U+FFFD: a character the text never held.
const hasLoneSurrogate = (s: string): boolean =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('cutting text never splits a surrogate pair', () => {
  const text = '削減したと発表した😀'.repeat(40);

  it('sliceWhole steps back one code unit where the cut falls inside a pair', () => {
    expect(sliceWhole('ab😀c', 3)).toBe('ab');
    expect(sliceWhole('ab😀c', 4)).toBe('ab😀');
  });

  it('shorten and capText cut on whole characters at every length', () => {
    for (let max = 2; max < 60; max++) {
      expect(hasLoneSurrogate(shorten(text, max))).toBe(false);
      expect(hasLoneSurrogate(capText(text, max))).toBe(false);
    }
  });
});
