import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseHtmlDocument } from '../../src/sources/html.js';
import { parseHtmlTree, type DomNode } from '../../src/sources/html-tree.js';

// Counts the documents htmlparser2 parses (each parse ends once).
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('htmlparser2', async (original) => {
  const actual = await original<typeof import('htmlparser2')>();
  class CountingParser extends actual.Parser {
    override end(chunk?: string): void {
      parses.count += 1;
      super.end(chunk);
    }
  }
  return { ...actual, Parser: CountingParser };
});

const paragraphs = Array.from({ length: 12 }, (_, i) =>
  [0, 1, 2]
    .map((j) => `Claim ${i} says ${j}%, per <a href="https://h${j}.example.org/${i}">the source</a> &amp rose.`)
    .join(' '),
);

/** A news layout: the article's text beside a sidebar the body choice leaves out (blanked). */
function layout(sidebar: string, between = ''): string {
  return `<!doctype html><html><head><title>T</title></head><body><header><nav><a href="/">Home</a></nav></header>
<div class="layout">${sidebar}${between}<main><article><h1>Story</h1>\n${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}\n</article></main></div>
<footer><a href="/about/">About</a></footer></body></html>`;
}

const SIDEBAR = `<aside class="sidebar"><h2>Most read</h2><ul>${Array.from({ length: 10 }, (_, i) => `<li><a href="/story-${i}/">Story ${i}</a></li>`).join('')}</ul></aside>`;

/** The post read from `page`, how many parses that and its extraction took, and a fresh extraction. */
function readTwice(page: string): { body: string; parsed: number; reused: unknown; fresh: unknown } {
  parses.count = 0;
  const post = parseHtmlDocument(page, { source: 'page.html' });
  const reused = extractPost(post);
  const parsed = parses.count;
  // The kept tree gone (any other parse drops it): the body parsed afresh.
  parseHtmlTree('<p>other</p>');
  return { body: post.body, parsed, reused, fresh: extractPost({ ...post }) };
}

/** A tree's nodes, without their links to parents and siblings. */
const shape = (n: DomNode): unknown => ({
  type: n.type,
  name: n.name,
  attribs: n.attribs,
  data: n.data,
  at: [n.startIndex, n.endIndex],
  children: (n.children ?? []).map(shape),
});

describe('a body read without a block of it is parsed once', () => {
  it('takes the sidebar out of the page tree, as a parse of the blanked body builds it', () => {
    const { body, parsed, reused, fresh } = readTwice(layout(SIDEBAR, '\n'));
    expect(body).toContain(' '.repeat(40));
    expect(body).not.toContain('Most read');
    expect(parsed).toBe(1);
    expect(reused).toEqual(fresh);
  });

  it('parses the body again where the left-out block holds SVG, whose context may outlast it', () => {
    const { body, parsed, reused, fresh } = readTwice(layout(SIDEBAR.replace('<h2>', '<svg><path/></svg><h2>')));
    expect(body).not.toContain('Most read');
    expect(parsed).toBe(2);
    expect(reused).toEqual(fresh);
  });

  // An svg left open in the article makes `<a/>` close itself; a `<desc>` (an HTML island in SVG)
  // turns that off, any `</desc>` or `</svg>`, even a stray one, takes back the last setting. The
  // page's parse, which read the left-out block, and a parse of the blanked body then disagree on
  // whether the anchor after it holds its text.
  it.each(['<desc>Q', 'Q</desc>', '<mtext>Q', '</svg>Q', '</foreignObject >Q'])(
    'parses the body again where the left-out block holds a tag that sets the SVG context: %s',
    (quote) => {
      const page = layout('').replace(
        /<article>[\s\S]*<\/article>/,
        `<article><h1>Story</h1><p>Intro, per <a href="https://h.example.org/i">the survey</a>.<svg></p>
<div class="share">${quote}</div>
<p>After <a href="https://x.example.org/a"/>anchor text</a> end, per the data.</p></article>`,
      );
      const { body, parsed, reused, fresh } = readTwice(page);
      expect(body).not.toContain('share');
      expect(reused).toEqual(fresh);
      const post = parseHtmlDocument(page, { source: 'page.html' });
      const kept = parseHtmlTree(post.body, { indices: true });
      expect(shape(kept)).toEqual(shape(parseHtmlTree(post.body, { indices: true })));
      expect(parsed).toBe(2);
    },
  );

  it('builds, for pages of sidebars, asides and text around them, the tree a parse of the body builds', () => {
    const text = fc.constantFrom(
      '',
      '\n',
      '\r\n',
      ' &amp',
      '&amp;',
      '&',
      '&#12',
      '&notit',
      'x&lt',
      '“q”',
      '<!-- c -->',
    );
    const block = fc.oneof(
      fc
        .tuple(text, text)
        .map(([a, b]) => `<p>${a}Claim says 4%, per <a href="https://h.example.org/x">the source</a>${b} rose.</p>`),
      fc.constantFrom(
        SIDEBAR,
        '<p>Lead <a href="https://h.example.org/p">the data</a>',
        '<aside class="pullquote">Q</aside>',
        '<aside><p>unclosed <b>bold</aside>',
        '<aside><svg><path/><x/></svg></aside>',
        '<nav><a href="/">Home</a></nav>',
        '<div class="share"><a href="https://twitter.com/share">Share</a></div>',
        '<form><input name=q><button>Go</button></form>',
        '<li>item<aside>x</aside>',
        '<br><aside>b</aside><img src=y>',
        '<figure><img src=x.png><figcaption>Photo: AP</figcaption></figure>',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(block, text), { minLength: 3, maxLength: 14 }),
        fc.constantFrom('main', 'article', ''),
        (parts, wrap) => {
          const body = parts.map(([b, t]) => b + t).join('');
          const inner = wrap ? `<${wrap}>${body}</${wrap}>` : body;
          const post = parseHtmlDocument(
            layout(SIDEBAR).replace(/<main>[\s\S]*<\/main>/, () => inner),
            { source: 'page.html' },
          );
          const kept = parseHtmlTree(post.body, { indices: true });
          const fresh = parseHtmlTree(post.body, { indices: true });
          expect(shape(kept)).toEqual(shape(fresh));
        },
      ),
      { numRuns: 300 },
    );
  });
});
