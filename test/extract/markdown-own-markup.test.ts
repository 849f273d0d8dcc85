import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, type MarkdownFound } from '../../src/extract/markdown-render.js';
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

// Pieces that put markup of the author's own into a body: autolinks (a link inside a link's
// text when inside brackets), raw HTML inline and in blocks, end tags left alone.
const MARKUP_PIECES = [
  ...PIECES,
  '<https://e.example/a>',
  '<mail@f.example>',
  '<b>',
  '</b>',
  '</a>',
  '<a href="https://g.example/">',
  '<div>\n',
  '</div>\n',
  '</p>',
  '<strong>',
  '<!-- c -->',
];
const withMarkup = fc.array(fc.constantFrom(...MARKUP_PIECES), { maxLength: 80 }).map((p) => p.join(''));

/** Each section of a render with what the render said of it (found.ownMarkup), small sections so bodies have several. */
function sections(body: string): Array<{ html: string; own: boolean | undefined }> {
  const found: MarkdownFound = {};
  const out: Array<{ html: string; own: boolean | undefined }> = [];
  for (const html of renderMarkdown(body, { sections: { size: 64, whole: 128 } }, found))
    out.push({ html, own: found.ownMarkup });
  return out;
}

describe('a Markdown section whose tokens hold no raw HTML and no link inside a link', () => {
  it('renders to HTML with no orphan tag to mark and nothing nested past the cap', () => {
    fc.assert(
      fc.property(fc.oneof(withMarkup, deep), (body) => {
        fc.pre(!body.includes('[^'));
        for (const { html, own } of sections(body)) {
          expect(own).toBeTypeOf('boolean');
          if (!own) continue;
          expect(markOrphanTags(html)).toBe(html);
          expect(capNesting(html, MAX_NESTING).dropped).toBe(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("is told apart: autolinks alone are markdown-it's markup; raw HTML or an autolink in a link's text is not", () => {
    expect(sections('See <https://a.example/x> and [b](https://b.example/).\n').map((s) => s.own)).toEqual([true]);
    expect(sections('A [link <https://a.example/x>](https://b.example/).\n').map((s) => s.own)).toEqual([false]);
    expect(sections('Words</a> and <b>bold</b>.\n').map((s) => s.own)).toEqual([false]);
    expect(sections('<div>\n\nblock\n\n</div>\n').map((s) => s.own)).toEqual([false]);
    // The one an autolink in a link's text makes: markOrphanTags closes the outer link first.
    const [nested] = sections('A [link <https://a.example/x>](https://b.example/).\n');
    expect(markOrphanTags(nested.html)).not.toBe(nested.html);
  });
});
