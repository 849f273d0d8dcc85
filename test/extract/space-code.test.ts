import { describe, expect, it } from 'vitest';
import { markOrphanTags } from '../../src/extract/prepare-html.js';
import { isSpaceCode } from '../../src/sources/space-code.js';

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
