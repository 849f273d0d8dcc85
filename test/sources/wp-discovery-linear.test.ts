import { describe, expect, it } from 'vitest';
import { parseLinkHeader } from '../../src/sources/link-header.js';
import { wordPressApiRoot } from '../../src/sources/url.js';
import { apiLinkInHead } from '../../src/sources/wp-site.js';
import { growthRatio } from '../helpers/linear-time.js';

// `citecheck wp` reads a site's home page and its Link header for the API: both come from whoever
// runs the site, and reading them must cost work linear in their size (issue 13, review F13).

const LINK = '<link rel="https://api.w.org/" href="https://site.example/wp-json/">';

/** Heads that a tree builder or a backtracking regex takes quadratic time on, the link after them. */
const HOSTILE_HEADS: Record<string, (n: number) => string> = {
  // cheerio took 36 s on 50,000; htmlparser2's Parser 40 s on 160,000.
  'nested <div>s': (n) => `<head>${'<div>'.repeat(n)}${LINK}`,
  'nested <span>s in a title': (n) => `<head><title>${'<span>'.repeat(n)}</title>${LINK}`,
  '"<" alone': (n) => `<head>${'<'.repeat(n)}${LINK}`,
  'links of other relations': (n) => `<head>${'<link rel="preload" href="/a.css">'.repeat(n / 8)}${LINK}`,
  'an unclosed comment': (n) => `<head><!--${'<link '.repeat(n / 2)}`,
  'repeated attributes': (n) => `<head><link ${'rel=x '.repeat(n / 2)}>${LINK}`,
};

const HOSTILE_HEADERS: Record<string, (n: number) => string> = {
  // The regex this replaced took 360 ms on 16 KB and 7 s on 64 KB of these.
  '"<" alone': (n) => '<'.repeat(n),
  '"<" and ";"': (n) => '<;'.repeat(n / 2),
  'links without a relation': (n) => '<a>, '.repeat(n / 5),
  'an unclosed quoted parameter': (n) => `<a>; rel="${'\\"'.repeat(n / 2)}`,
  'parameters without values': (n) => `<a>${';'.repeat(n)}`,
  'spaces before a parameter': (n) => `<a>${' '.repeat(n)}x`,
};

/**
 * Reads each shape at size n and 8n: linear work grows 8x, quadratic 64x, and 24x leaves room
 * for GC and a loaded machine. Under `floorMs` the small run's time is the timer's, not the work's.
 */
function expectLinear(
  shapes: Record<string, (n: number) => string>,
  read: (text: string) => unknown,
  n: number,
  floorMs: number,
) {
  for (const [shape, make] of Object.entries(shapes)) {
    const small = make(n);
    const large = make(8 * n);
    expect(
      growthRatio(
        () => read(small),
        () => read(large),
        24,
        floorMs,
      ),
      shape,
    ).toBeLessThan(24);
  }
}

describe('the api.w.org link of a home page', () => {
  it('is read from the head, entities decoded, whatever comes before it there', () => {
    expect(apiLinkInHead(`<!doctype html><html><head><title>Site</title>${LINK}</head>`)).toBe(
      'https://site.example/wp-json/',
    );
    expect(apiLinkInHead('<head><link href="/?rest_route=/&amp;x=1" rel="https://api.w.org/"></head>')).toBe(
      '/?rest_route=/&x=1',
    );
    expect(apiLinkInHead('<HEAD><LINK REL="alternate https://api.w.org/" HREF="/wp-json/"/>')).toBe('/wp-json/');
    expect(apiLinkInHead(HOSTILE_HEADS['nested <div>s'](1000))).toBe('https://site.example/wp-json/');
    // The first link of the relation wins; one without an href is passed over.
    expect(
      apiLinkInHead(`<head><link rel="https://api.w.org/">${LINK}<link rel="https://api.w.org/" href="/b/">`),
    ).toBe('https://site.example/wp-json/');
  });

  it('is not looked for past </head> or <body>: a post of the home page cannot name the API', () => {
    expect(apiLinkInHead(`<head></head>${LINK}`)).toBeUndefined();
    expect(apiLinkInHead(`<body>${LINK}`)).toBeUndefined();
    expect(apiLinkInHead(`<html><head><title>x</title><body><div>${LINK}`)).toBeUndefined();
    expect(apiLinkInHead('<head><link rel="https://api.w.org/x" href="/wp-json/">')).toBeUndefined();
  });

  it('costs work linear in the page, on every hostile shape', () => {
    expectLinear(HOSTILE_HEADS, apiLinkInHead, 40_000, 10);
  });
});

describe('the Link header of a home page', () => {
  const root = (link: string) => wordPressApiRoot({ link }, 'https://site.example/blog/');

  it('reads every link, its parameters, quoted or not, and a rel that lists several relations', () => {
    expect(
      parseLinkHeader(
        '<https://site.example/wp-json/>; rel="https://api.w.org/", <https://site.example/?p=5>; rel=shortlink; title="a, <b> \\"c\\""',
      ),
    ).toEqual([
      { target: 'https://site.example/wp-json/', params: new Map([['rel', 'https://api.w.org/']]) },
      {
        target: 'https://site.example/?p=5',
        params: new Map([
          ['rel', 'shortlink'],
          ['title', 'a, <b> "c"'],
        ]),
      },
    ]);
    expect(root('<https://cdn.example/>; rel=preconnect, </wp-json/>; rel="alternate https://api.w.org/"')).toBe(
      'https://site.example/wp-json/',
    );
    expect(root('<../?rest_route=/> ;REL = "https://api.w.org/"')).toBe('https://site.example/?rest_route=/');
    expect(root('</wp-json/>; rel="https://api.w.org/other"')).toBeUndefined();
    expect(root('</wp-json/>')).toBeUndefined();
  });

  it('costs work linear in the header, on every hostile shape', () => {
    expectLinear(HOSTILE_HEADERS, root, 20_000, 5);
  });
});
