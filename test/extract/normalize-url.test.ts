import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../src/extract/normalize-url.js';

/** The checkUrl of a valid result, failing the test otherwise. */
function checkUrlOf(href: string, base?: string): string {
  const result = normalizeUrl(href, base);
  if ('invalid' in result) throw new Error(`unexpectedly invalid: ${href} (${result.invalid})`);
  return result.checkUrl;
}

describe('normalizeUrl', () => {
  it('collapses IDN, case, default port and percent-encoding variants to one checkUrl', () => {
    const variants = [
      'HTTP://Bücher.EXAMPLE:80/%7euser/caf%c3%a9?q=%41',
      'http://xn--bcher-kva.example/~user/café?q=A',
      'http://bücher.example/%7Euser/caf%C3%A9?q=A#part',
      'http://BÜCHER.example./~user/caf%C3%A9?q=%41',
    ];
    const keys = new Set(variants.map((v) => checkUrlOf(v)));
    expect([...keys]).toEqual(['http://xn--bcher-kva.example/~user/caf%C3%A9?q=A']);
  });

  it('keeps the fragment in url but not in checkUrl', () => {
    const r = normalizeUrl('https://example.org/a#Section-2');
    expect(r).toEqual({
      url: 'https://example.org/a#Section-2',
      checkUrl: 'https://example.org/a',
      fragment: 'Section-2',
      scheme: 'https',
    });
  });

  it('resolves relative and fragment-only hrefs against the base', () => {
    expect(checkUrlOf('../b/c?x=1', 'https://site.org/a/post/')).toBe('https://site.org/a/b/c?x=1');
    const r = normalizeUrl('#top', 'https://site.org/a/post/?p=1#old');
    expect(r).toMatchObject({
      url: 'https://site.org/a/post/?p=1#top',
      checkUrl: 'https://site.org/a/post/?p=1',
      fragment: 'top',
    });
    expect(checkUrlOf('//cdn.org/x', 'https://site.org/')).toBe('https://cdn.org/x');
    // Without a base a protocol-relative link still names its host: https, as on any https page.
    expect(normalizeUrl('//cdn.org/x#y')).toMatchObject({
      url: 'https://cdn.org/x#y',
      checkUrl: 'https://cdn.org/x',
      scheme: 'https',
    });
  });

  it('gives fragment-only and relative links with no base an empty checkUrl (skipped, not invalid)', () => {
    expect(normalizeUrl('#top')).toMatchObject({ checkUrl: '', fragment: 'top', scheme: '' });
    expect(normalizeUrl('../other.md')).toMatchObject({ url: '../other.md', checkUrl: '', scheme: '' });
  });

  it.each([
    ['https;//example.org/x'],
    ['http//example.org/x'],
    ['http:/example.org/x'],
    ['http:example.org'],
    ['http://exa mple.org/'],
    ['http://example.org:70000/'],
    ['http://'],
    ['https://'],
    ['www.example.org/page'],
    [''],
    ['   '],
  ])('flags %j as invalid, even with a base', (href) => {
    expect('invalid' in normalizeUrl(href, 'https://site.org/post/')).toBe(true);
    expect('invalid' in normalizeUrl(href)).toBe(true);
  });

  it('names the problem of a malformed URL', () => {
    expect(normalizeUrl('http://example.org:70000/')).toEqual({ invalid: 'port 70000 out of range' });
    expect(normalizeUrl('http://exa mple.org/')).toEqual({ invalid: 'space in host name' });
    expect(normalizeUrl('http://')).toEqual({ invalid: 'empty host' });
  });

  it('returns non-http schemes as themselves with their scheme', () => {
    expect(normalizeUrl('mailto:desk@example.org', 'https://site.org/')).toMatchObject({
      url: 'mailto:desk@example.org',
      scheme: 'mailto',
    });
    expect(normalizeUrl('tel:+15551234')).toMatchObject({ scheme: 'tel' });
    expect(normalizeUrl('javascript:void(0)')).toMatchObject({ scheme: 'javascript' });
    expect(normalizeUrl('data:text/plain,hi')).toMatchObject({ scheme: 'data' });
  });

  it('keeps path case, trailing slashes, query order and encoded reserved characters', () => {
    expect(checkUrlOf('https://example.org/A/b/?z=1&a=2')).toBe('https://example.org/A/b/?z=1&a=2');
    expect(checkUrlOf('https://example.org/a%2fb')).toBe('https://example.org/a%2Fb');
    expect(checkUrlOf('https://example.org/x?')).toBe('https://example.org/x');
  });

  it('is idempotent (property)', () => {
    const base = fc.constantFrom(undefined, 'https://site.org/dir/page?x=1');
    const href = fc.oneof(
      fc.webUrl({ withFragments: true, withQueryParameters: true }),
      fc.string(),
      fc.stringMatching(/^(https?:\/\/)?[a-zA-Zé%0-9.:/~?#&=-]{0,30}$/),
    );
    fc.assert(
      fc.property(href, base, (h, b) => {
        const once = normalizeUrl(h, b);
        if ('invalid' in once || once.checkUrl === '') return;
        const twice = normalizeUrl(once.url);
        expect(twice).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });
});
