import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownParser, renderMarkdown } from '../../src/extract/markdown-render.js';

const RULE = 'citecheck_orphan_runs';

/** The body rendered as extraction renders it, with the rule or without it. */
function render(body: string, rule: boolean): string {
  const inline = markdownParser().inline.ruler;
  if (!rule) inline.disable(RULE);
  try {
    return [...renderMarkdown(body)].join('');
  } finally {
    inline.enable(RULE);
  }
}

/** How many tokens the body's inline content parses to. */
function inlineTokens(body: string): number {
  return markdownParser()
    .parse(body, {})
    .reduce((n, t) => n + (t.children?.length ?? 0), 0);
}

describe('a run of orphan </a> is one token (issue 13: a 30 MB run peaked at 1.7 GB)', () => {
  it('renders the very HTML the separate tokens render, whatever surrounds and interrupts the run', () => {
    const piece = fc.constantFrom(
      'word',
      ' ',
      '  ',
      '</a>',
      '</a>',
      '</a>',
      '</A>',
      '</a >',
      '<a href="https://x.org/a">',
      '<a>',
      '\n',
      '  \n',
      '\n\n',
      '*',
      '_',
      '"',
      "'",
      '(',
      ')',
      '&amp;',
      '&',
      'https://news.example.org/p',
      '[a](https://x.org/b)',
      '[a]',
      '\\',
      '`',
      'x{{ a }}',
      '[t]({{ site.url }}/x)',
      '{{< ref "a.md" >}}',
      '# ',
      '> ',
      '| a | b |\n| - | - |\n| c</a> d</a> | e |\n',
      'é',
      '<!-- citecheck-ignore -->',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const body = pieces.join('');
        expect(render(body, true)).toBe(render(body, false));
      }),
      { numRuns: 2_000 },
    );
  });

  it('makes one token of a run, not two a tag', () => {
    const run = 'word</a> '.repeat(1_000);
    // The paragraph's inline: the run from its first </a> to its last, and the text around it.
    expect(inlineTokens(run)).toBeLessThan(5);
    expect(inlineTokens(`*a* ${run}`)).toBeLessThan(10);
  });
});
