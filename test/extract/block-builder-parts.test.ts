import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockBuilder } from '../../src/extract/block-builder.js';

describe('BlockBuilder text by offset (textFrom, charBefore, lastWord over many appended parts)', () => {
  it('reads the same text at every offset as the parts joined, near the end and far from it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'bc', ' ', 'word ', ' x', 'longer words here ', 'é'), { maxLength: 120 }),
        (chunks) => {
          const b = new BlockBuilder('paragraph');
          for (const c of chunks) b.append(c);
          const text = b.textFrom(0);
          for (let at = 0; at <= text.length; at++) {
            expect(b.textFrom(at)).toBe(text.slice(at));
            expect(b.textFrom(at, 3)).toBe(text.slice(at, at + 3));
            expect(b.charBefore(at)).toBe(at === 0 ? '' : text[at - 1]);
          }
          const { word, offset } = b.lastWord();
          expect(text.slice(offset)).toContain(word);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('BlockBuilder.lastWord (the word an orphan `</a>` closed)', () => {
  /** The word as lastWord strips it: quotes and brackets before, punctuation after, a final dot but an initialism's. */
  function stripped(word: string): string {
    let w = word.replace(/^[“"‘'([«]+/, '').replace(/[,;:!?”"’')\]»]+$/, '');
    if (w.endsWith('.') && !/\.\S/.test(w.slice(0, -1) + ' ')) w = w.replace(/\.+$/, '');
    return w;
  }

  it('strips the marks around the last word as the regexes do, whatever mix of them it holds', () => {
    const chars = [
      'a',
      'é',
      '“',
      '"',
      '‘',
      "'",
      '(',
      '[',
      '«',
      ',',
      ';',
      ':',
      '!',
      '?',
      '”',
      '’',
      ')',
      ']',
      '»',
      '.',
      '\\',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 7 }), (parts) => {
        const word = parts.join('');
        const b = new BlockBuilder('paragraph');
        b.append(`before ${word}`);
        expect(b.lastWord().word).toBe(stripped(word));
      }),
      { numRuns: 5000 },
    );
  });
});
