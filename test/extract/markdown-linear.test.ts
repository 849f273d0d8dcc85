import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';
import { growthRatio } from '../helpers/linear-time.js';

/**
 * Markdown extraction must be near-linear (issue 13): `[a](` × 50,000 took 47 s in our own
 * markdown-it rule. A bound with slack, not a speed: 4× the input must cost well under the 16×
 * a quadratic step would (timed as test/helpers/linear-time.ts says, so a busy machine does not fail it).
 */

/** Reads and extracts `text` as a Markdown file. */
const extractMarkdown = (text: string) => (): void => {
  for (const post of parseDocument(text, { source: 'hostile.md' })) extractPost(post);
};

/** How many times the work on `large` is the work on `small`, over the bound only when it truly is. */
const costRatio = (small: string, large: string): number =>
  growthRatio(extractMarkdown(small), extractMarkdown(large), 8);

/** Hostile and ordinary shapes, each a unit repeated n times after a head: `[a](` is the one of the issue. */
const SHAPES: Array<[string, string, number, string?]> = [
  ['unclosed link destinations', '[a](', 12_000],
  ['unclosed brackets', '[', 5_000],
  ['unclosed reference labels', '[a][', 1_500],
  ['destinations with spaces', '[a](http://x y ', 1_500],
  ['destinations opening parens', '[a](http://x/(', 1_500],
  ['bare URLs opening parens', 'http://x/(', 2_000],
  ['bare URLs', 'http://x.org/a ', 1_500],
  ['links, one per line, in one paragraph', '[a](https://x.org/a)\n', 2_500],
  ['table rows of bare URLs', '| 1 | https://x.org/a |\n', 800, '| n | url |\n|---|---|\n'],
  ['templates in link targets', '[x]({{ site.url }}', 2_000],
  ['templates touching each other', '{{}}', 8_000],
  ['unclosed shortcodes', '{{<', 8_000],
  ['bad reference definitions', '[d]: https://a b\n[d]\n', 1_500],
  ['figures and reporting verbs in one sentence', 'officials said 40% of 1,200 in v1.2 ', 2_000],
  ['figures and reporting verbs, many sentences', 'Officials said 40% of 1,200 left. I found 3. ', 1_500],
  ['phone numbers in one sentence', 'call 101 or +1 866 543 6403 or 0800 555 111 or (212) 555-0100 ', 1_500],
  ['raw HTML block of links', '<a href="https://x.org/a">a</a>\n', 2_500],
  ['autolinks', '<https://x.org/a> ', 2_000],
  ['autolinks inside links', '[a <https://x.org/a>](https://y.org/b) ', 1_500],
];

describe('Markdown extraction is near-linear', () => {
  for (const [name, unit, n, head = ''] of SHAPES) {
    it(`${name}: 4× the input costs under 8× the time`, () => {
      const small = head + unit.repeat(n);
      const large = head + unit.repeat(4 * n);
      expect(costRatio(small, large)).toBeLessThan(8);
    });
  }

  // Emphasis nests as deep as it is written (markdown-it pairs it after its parse): review22 found
  // 640 KB of `**` taking 26 s in the HTML parser, whose work per tag grows with the depth.
  it.each([
    ['strong nested n deep', (n: number) => `${'**'.repeat(n)}x${'**'.repeat(n)} [a](https://a.org/)\n`, 40_000],
    ['emphasis and strong alternating', (n: number) => `${'*a **b '.repeat(n)}x${'** c*'.repeat(n)}\n`, 20_000],
  ])(
    '%s: 4× the input costs under 8× the time',
    (_name, text, n) => {
      expect(costRatio(text(n), text(4 * n))).toBeLessThan(8);
    },
    // Sized to show the quadratic step review22 found; on a 2-core machine under load these take
    // 20–50 s (7 s quiet), past the suite's 30 s default: a bound on growth, not on speed.
    120_000,
  );

  it('linked sentences, each different, in one paragraph: 4× the input costs under 8× the time', () => {
    const text = (n: number): string =>
      Array.from({ length: n }, (_, i) => `Officials [said](https://x.org/${i}) “a quote ${i} of four words”.`).join(
        ' ',
      );
    expect(costRatio(text(1_000), text(4_000))).toBeLessThan(8);
  });
});
