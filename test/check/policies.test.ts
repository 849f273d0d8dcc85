import { describe, expect, it } from 'vitest';
import { hasFragment, inspectPage, isChallengePage, saysNotFound } from '../../src/check/page-signals.js';
import { buildRequestHeaders } from '../../src/check/request-headers.js';
import { asksRetryAfter, backoffDelay, isRetryableStatus, parseRetryAfter } from '../../src/check/retry-policy.js';
import { isDeepUrl, isHomePage } from '../../src/check/judge-response.js';
import { probeUrlFor } from '../../src/check/check-target.js';
import { DEFAULTS } from '../../src/config/defaults.js';

describe('retry policy', () => {
  it('retries 5xx but 501, 408 and 429 only', () => {
    expect([500, 502, 503, 504, 408, 429].every(isRetryableStatus)).toBe(true);
    expect([501, 400, 404, 403, 200].some(isRetryableStatus)).toBe(false);
  });
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
  it('reads the three HTTP-date forms, all in GMT', () => {
    const now = Date.parse('1994-11-06T08:49:00Z');
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(37_000);
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(37_000);
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', now)).toBe(37_000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });
  it('ignores an invalid Retry-After (RFC 9110), however Date.parse would read it', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    for (const value of [
      '',
      '   ',
      'abc',
      '-5',
      '-1',
      '1.5',
      '1e3',
      '+3',
      '0x10',
      'later 2',
      'x 1',
      'soon 2030',
      '3, 3',
    ])
      expect(parseRetryAfter(value, now), JSON.stringify(value)).toBeUndefined();
    // An HTTP date with a word or a zone it may not have.
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 PST', now)).toBeUndefined();
    expect(parseRetryAfter('Thu, 01 Jan 2026', now)).toBeUndefined();
    expect(asksRetryAfter({ 'retry-after': 'abc' })).toBe(false);
    expect(asksRetryAfter({ 'retry-after': '' })).toBe(false);
    expect(asksRetryAfter({})).toBe(false);
    expect(asksRetryAfter({ 'retry-after': '3600' })).toBe(true);
    // A date already past is valid: retry now.
    expect(asksRetryAfter({ 'retry-after': 'Wed, 31 Dec 2025 00:00:00 GMT' })).toBe(true);
  });
  it('reads an enormous delay as an enormous wait, not as garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('99999999999', now)).toBe(99_999_999_999_000);
    expect(parseRetryAfter('9'.repeat(400), now)).toBe(Number.POSITIVE_INFINITY);
  });
  it('backs off exponentially with bounded jitter', () => {
    expect(backoffDelay(0, 1000, () => 0)).toBe(750);
    expect(backoffDelay(0, 1000, () => 0.999999)).toBe(1250);
    expect(backoffDelay(2, 1000, () => 0.5)).toBe(4000);
  });
});

describe('page signals', () => {
  it('recognises not-found titles and headings but not articles about 404s', () => {
    expect(saysNotFound('Page Not Found | News')).toBe(true);
    expect(saysNotFound("Oops! That page can't be found.")).toBe(true);
    expect(saysNotFound('404 - File or directory')).toBe(true);
    expect(saysNotFound('Error 404')).toBe(true);
    expect(saysNotFound('The 404 best recipes')).toBe(false);
    expect(saysNotFound('Council finds budget gap')).toBe(false);
  });
  it('collects ids and a[name] as fragment targets', () => {
    const page = inspectPage(
      '<title>T</title><h1> Main  heading </h1><h2 id="a">x</h2><a name="b"></a><p id="caf%C3%A9">',
    );
    expect(page.title).toBe('T');
    expect(page.heading).toBe('Main heading');
    expect(hasFragment(page.anchors, 'a')).toBe(true);
    expect(hasFragment(page.anchors, 'b')).toBe(true);
    expect(hasFragment(page.anchors, 'c')).toBe(false);
  });
  it('spots challenge interstitials', () => {
    expect(isChallengePage('<title>Just a moment...</title>')).toBe(true);
    expect(isChallengePage('<p>An article</p>')).toBe(false);
  });
});

describe('URLs', () => {
  it('tells deep URLs and home pages apart', () => {
    expect(isDeepUrl(new URL('https://a.org/news/story'))).toBe(true);
    expect(isDeepUrl(new URL('https://a.org/'))).toBe(false);
    // The home page under another name: its redirect to / is no soft 404.
    expect(isDeepUrl(new URL('https://a.org/index.html'))).toBe(false);
    expect(isDeepUrl(new URL('https://a.org/news/index.html'))).toBe(true);
    expect(isHomePage(new URL('https://a.org/'))).toBe(true);
    expect(isHomePage(new URL('https://a.org/ok'))).toBe(false);
  });
  it('makes a sibling probe URL in the same directory', () => {
    const probe = probeUrlFor(new URL('https://a.org/news/story?x=1'), () => 0.5);
    expect(probe?.pathname).toMatch(/^\/news\/citecheck-probe-[0-9a-f]{8}$/);
    expect(probe?.search).toBe('');
    expect(probeUrlFor(new URL('https://a.org/'), () => 0.5)).toBeUndefined();
  });
});

describe('request headers', () => {
  const options = {
    ...DEFAULTS,
    headers: [
      { name: 'Authorization', value: 'Bearer global' },
      { host: 'api.site.org', name: 'X-Key', value: 'k' },
    ],
    hosts: { 'cdn.site.org': { headers: { Cookie: 'c=1' } } },
  };
  const origin = new URL('https://news.site.org/a');
  it('sends global headers only to the origin the check started on', () => {
    expect(buildRequestHeaders(options, origin, origin, '*/*').authorization).toBe('Bearer global');
    const other = buildRequestHeaders(options, new URL('https://other.org/b'), origin, '*/*');
    expect(other.authorization).toBeUndefined();
    expect(other['user-agent']).toBe(DEFAULTS.userAgent);
  });
  it('sends host-scoped headers only to their host', () => {
    expect(buildRequestHeaders(options, origin, origin, '*/*')['x-key']).toBeUndefined();
    expect(buildRequestHeaders(options, new URL('https://api.site.org/'), origin, '*/*')['x-key']).toBe('k');
    expect(buildRequestHeaders(options, new URL('https://cdn.site.org/'), origin, '*/*').cookie).toBe('c=1');
    expect(buildRequestHeaders(options, origin, origin, '*/*').cookie).toBeUndefined();
  });
  it('never sends a host-scoped credential on a redirect from https down to http; other headers still go', () => {
    const scoped = {
      ...options,
      headers: [
        { host: 'api.site.org', name: 'Authorization', value: 'Bearer scoped' },
        { host: 'api.site.org', name: 'X-Key', value: 'k' },
      ],
    };
    const https = new URL('https://api.site.org/a');
    const http = new URL('http://api.site.org/b');
    expect(buildRequestHeaders(scoped, https, https, '*/*').authorization).toBe('Bearer scoped');
    const downgraded = buildRequestHeaders(scoped, http, https, '*/*');
    expect(downgraded.authorization).toBeUndefined();
    expect(downgraded['x-key']).toBe('k');
    // A check that starts on http (a local staging site) sends it: nothing was downgraded.
    expect(buildRequestHeaders(scoped, http, http, '*/*').authorization).toBe('Bearer scoped');
    const cdnHttp = new URL('http://cdn.site.org/x');
    expect(buildRequestHeaders(options, cdnHttp, new URL('https://cdn.site.org/'), '*/*').cookie).toBeUndefined();
    expect(buildRequestHeaders(options, cdnHttp, cdnHttp, '*/*').cookie).toBe('c=1');
  });
});

describe('pageHeadlines', () => {
  it('reads title and first h1 without a DOM, decoding entities and dropping tags', async () => {
    const { pageHeadlines } = await import('../../src/check/page-signals.js');
    expect(
      pageHeadlines(
        '<html><head><title>Page Not Found &amp;#8211; &#8211; Site</title></head><body><h1 class="x">Oops! <em>That</em> page can&#8217;t be found.</h1><h1>second</h1>',
      ),
    ).toEqual({
      title: 'Page Not Found &#8211; – Site',
      heading: 'Oops! That page can’t be found.',
    });
    expect(pageHeadlines('<p>no head')).toEqual({ title: '', heading: '' });
  });
});
