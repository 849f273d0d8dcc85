import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { normalizeUrl } from '../../src/extract/normalize-url.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';

/** Finding code and reason of each link of an HTML post, as an offline report gives them. */
function linkFindings(html: string): Array<[string, string | undefined]> {
  const post = extractPost(parseDocument(html, { source: 'p.html' })[0]);
  const report = buildReport({
    posts: [post],
    results: new Map(),
    startedAt: new Date(0),
    durationMs: 0,
    offline: true,
  });
  return report.findings.map((f) => [f.code, f.args.reason as string | undefined]);
}

describe('mistyped http(s) schemes', () => {
  it.each([
    ['htps://typo.net/', 'mistyped scheme htps: (did you mean https:?)'],
    ['htp://typo.net/', 'mistyped scheme htp: (did you mean http:?)'],
    ['hhttp://typo.net/', 'mistyped scheme hhttp: (did you mean http:?)'],
    ['httsp://typo.net/', 'mistyped scheme httsp: (did you mean https:?)'],
    ['ttps://typo.net/', 'mistyped scheme ttps: (did you mean https:?)'],
    ['HTTPSS://typo.net/', 'mistyped scheme HTTPSS: (did you mean https:?)'],
  ])('%s is invalid: %s', (href, reason) => {
    expect(normalizeUrl(href, 'https://site.net/post/')).toEqual({ invalid: reason });
  });

  it.each([
    'mailto:a@b.net',
    'tel:+1555',
    'ftp://f.net/x',
    'ftps://f.net/x',
    'sftp://f.net/x',
    'ws://w.net/',
    'wss://w.net/',
    'data:,x',
    'javascript:void(0)',
    'irc://irc.net/c',
    'news:comp.lang',
    'file:///tmp/x',
    'git://g.net/r',
    'ssh://g.net/r',
    'smtp://m.net/',
    'rtsp://v.net/s',
    'hxxp://defanged.net/',
  ])('leaves the real scheme of %s alone', (href) => {
    const result = normalizeUrl(href);
    expect('invalid' in result).toBe(false);
  });

  it('raises LINK_INVALID for a typo, where it used to skip it in silence', () => {
    expect(linkFindings('<p>Per <a href="htps://typo.net/">the study</a>.</p>')).toEqual([
      ['LINK_INVALID', 'mistyped scheme htps: (did you mean https:?)'],
    ]);
  });
});

describe('host names that can never resolve', () => {
  const long = (n: number): string => 'a'.repeat(n);

  it.each([
    ['https://a..b.net/', 'empty label in host name (two dots in a row, or a leading dot)'],
    ['https://.lead.net/', 'empty label in host name (two dots in a row, or a leading dot)'],
    ['https://xn--bad-.net/', 'invalid punycode label xn--bad- in host name'],
    [`https://${long(64)}.net/`, 'host name label longer than 63 characters (64)'],
    [
      `https://${[long(63), long(63), long(63), long(63)].join('.')}.net/`,
      'host name longer than 253 characters (259)',
    ],
  ])('%s is invalid: %s', (href, reason) => {
    expect(normalizeUrl(href)).toEqual({ invalid: reason });
  });

  it.each([
    'https://xn--caf-dma.net/',
    'https://café.net/',
    `https://${long(63)}.net/`,
    'https://trailing.net./',
    'https://10.0.0.1/',
    'https://[2001:db8::1]/',
    'https://under_score.net/',
  ])('accepts %s', (href) => {
    expect('invalid' in normalizeUrl(href)).toBe(false);
  });

  it('raises LINK_INVALID instead of requesting the host', () => {
    expect(linkFindings('<p>As <a href="https://a..b.net/x">reported</a>.</p>')).toEqual([
      ['LINK_INVALID', 'empty label in host name (two dots in a row, or a leading dot)'],
    ]);
  });
});
