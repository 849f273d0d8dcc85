import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/extract/markdown-render.js';
import { markOrphanTags } from '../../src/extract/prepare-html.js';
import { capNesting, MAX_NESTING } from '../../src/sources/html-nesting.js';

// Pieces of Markdown of every construct that nests or makes a link: quotes, lists, emphasis,
// links, footnotes, templates, tables, code (bodies holding a "<" or a footnote "[^" are filtered out).
const PIECES = [
  '> ',
  '>',
  '- ',
  '* ',
  '1. ',
  '  ',
  '    ',
  '\n',
  '\n\n',
  '**',
  '*',
  '_',
  '__',
  '~~',
  '`',
  '```\n',
  '[',
  ']',
  '](https://a.example/x)',
  '[a](https://b.example/)',
  '[^1]',
  '[^1]: note\n',
  '[r]: https://r.example\n',
  '[r]',
  '{{ site.url }}',
  '{% x %}',
  '&lt;p&gt;',
  'x &gt; y',
  '| a | b |\n|---|---|\n| 1 | 2 |\n',
  '# ',
  'word ',
  'https://d.example/z ',
  '!',
  '![i](https://i.example/p.png)',
];

const markdown = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((p) => p.join(''));
// Deep shapes: nesting runs far past MAX_NESTING in the source.
const deep = fc
  .tuple(fc.constantFrom('> ', '- ', '* ', '**', '[', '  - ', '_'), fc.integer({ min: 600, max: 1500 }), markdown)
  .map(([unit, n, tail]) => unit.repeat(n) + tail);

describe('Markdown with no "<" and no footnote definition', () => {
  it('renders to HTML with no orphan tag to mark and nothing nested past the cap', () => {
    fc.assert(
      fc.property(fc.oneof(markdown, deep), (body) => {
        fc.pre(!body.includes('<') && !body.includes('[^'));
        for (const html of renderMarkdown(body)) {
          expect(markOrphanTags(html)).toBe(html);
          expect(capNesting(html, MAX_NESTING).dropped).toBe(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('is not a promise a footnote can keep: a definition inside a quote leaves an end tag alone', () => {
    // Why extraction scans Markdown with "[^" for orphan tags (src/extract/index.ts).
    const html = [...renderMarkdown('[^1]: note\n    > [^1]: note\n')].join('');
    expect(markOrphanTags(html)).not.toBe(html);
  });
});
