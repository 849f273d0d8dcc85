import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownItClass } from '../../src/extract/markdown-render.js';
import { plainLinks } from '../../src/extract/markdown-plain-links.js';

const MarkdownIt = markdownItClass();
const stock = new MarkdownIt();
const fast = new MarkdownIt().use(plainLinks);

// Characters of URLs, the ones normalizeLink keeps and the ones it encodes or reads specially.
const PATH_CHARS = 'abzAZ09;/?:@&=+$,-_.!~*\'()#% []"<>^`{|}\\ÄéΩ😀\t'.split('').concat(['%2F', '%zz', '..']);
const HOST_CHARS = 'abz09-.AZÄ_@:['.split('');

const text = (chars: string[], max: number) =>
  fc.array(fc.constantFrom(...chars), { maxLength: max }).map((cs) => cs.join(''));

const url = fc
  .tuple(
    fc.constantFrom('http://', 'https://', 'HTTP://', 'ftp://', 'http:/', ''),
    text(HOST_CHARS, 12),
    fc.constantFrom('', ':8080', ':', ':99999'),
    fc.constantFrom('', '/', '?', '#'),
    text(PATH_CHARS, 20),
  )
  .map((parts) => parts.join(''));

describe('plainLinks', () => {
  it('gives the link markdown-it would give, for plain and other URLs alike', () => {
    fc.assert(
      fc.property(url, (u) => {
        expect(fast.normalizeLink(u)).toBe(stock.normalizeLink(u));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the same link for typical citations', () => {
    for (const u of [
      'https://data12.example.gov/t/1234',
      'http://127.0.0.100:8080/story/3?x=1&y=2#frag',
      "https://en.wikipedia.org/wiki/Foo_(bar)#It's",
      'https://xn--bcher-kva.example/a;b,c$d',
      'https://a.example',
    ])
      expect(fast.normalizeLink(u)).toBe(stock.normalizeLink(u));
  });
});
