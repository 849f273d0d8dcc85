import { describe, expect, it } from 'vitest';
import { archiveKey, recognizeArchiveUrl, timestampToIso, waybackTimestamp } from '../../src/archive/archive-url.js';
import { whyNotPublic } from '../../src/archive/public-host.js';

describe('recognizeArchiveUrl', () => {
  it.each([
    [
      'https://web.archive.org/web/20240430123456/https://example.org/a?b=1',
      { originalUrl: 'https://example.org/a?b=1', capturedAt: '2024-04-30T12:34:56Z' },
    ],
    [
      'http://web.archive.org/web/20240430123456id_/http://example.org/',
      { originalUrl: 'http://example.org/', capturedAt: '2024-04-30T12:34:56Z' },
    ],
    // Slashes collapsed by a normaliser, a partial timestamp, no scheme at all.
    [
      'https://web.archive.org/web/2019/https:/example.org/x',
      { originalUrl: 'https://example.org/x', capturedAt: '2019-01-01T00:00:00Z' },
    ],
    [
      'https://web.archive.org/web/20190102/example.org/x',
      { originalUrl: 'http://example.org/x', capturedAt: '2019-01-02T00:00:00Z' },
    ],
    [
      'https://archive.ph/2021.03.04-050607/https://example.org/story',
      { originalUrl: 'https://example.org/story', capturedAt: '2021-03-04T05:06:07Z' },
    ],
    ['https://archive.today/newest/https://example.org/story', { originalUrl: 'https://example.org/story' }],
    ['https://archive.is/AbC12', {}],
    ['https://perma.cc/ABCD-1234', {}],
    [
      'https://arquivo.pt/wayback/20200101000000/https://example.pt/',
      { originalUrl: 'https://example.pt/', capturedAt: '2020-01-01T00:00:00Z' },
    ],
    [
      'https://www.webarchive.org.uk/wayback/archive/20200101000000/https://gov.uk/x',
      { originalUrl: 'https://gov.uk/x', capturedAt: '2020-01-01T00:00:00Z' },
    ],
    // Any host with a 14-digit timestamp and an http(s) URL: a pywb or OpenWayback capture.
    [
      'https://pywb.library.example.edu/collection/20200101000000/https://example.org/',
      { originalUrl: 'https://example.org/', capturedAt: '2020-01-01T00:00:00Z' },
    ],
    ['https://web.archive.org/web/*/example.org', {}],
    // Archive-It: a collection id before the timestamp (it was read as the timestamp: no match).
    [
      'https://wayback.archive-it.org/1234/20190101000000/https://example.org/report',
      { originalUrl: 'https://example.org/report', capturedAt: '2019-01-01T00:00:00Z' },
    ],
    [
      'https://wayback.archive-it.org/10702/2019/https://example.org/report',
      { originalUrl: 'https://example.org/report', capturedAt: '2019-01-01T00:00:00Z' },
    ],
  ])('%s', (url, info) => {
    expect(recognizeArchiveUrl(url)).toEqual(info);
  });

  it('recognises the configured endpoint', () => {
    const endpoint = 'http://127.0.0.9:8080/wb';
    expect(recognizeArchiveUrl(`${endpoint}/web/20240101000000/http://127.0.0.2/x`, endpoint)).toEqual({
      originalUrl: 'http://127.0.0.2/x',
      capturedAt: '2024-01-01T00:00:00Z',
    });
  });

  it.each([
    'https://example.org/2024/04/30/story',
    'https://news.example.org/archive/2019/story',
    'https://example.org/20240430123456',
    'https://archive.org/details/texts',
    'mailto:archive@example.org',
  ])('is not an archive capture: %s', (url) => {
    expect(recognizeArchiveUrl(url)).toBeUndefined();
  });
});

describe('timestamps', () => {
  it('reads Wayback timestamps, refusing impossible dates', () => {
    expect(timestampToIso('20240430123456')).toBe('2024-04-30T12:34:56Z');
    expect(timestampToIso('2024')).toBe('2024-01-01T00:00:00Z');
    expect(timestampToIso('20241345000000')).toBeUndefined();
    expect(timestampToIso('x')).toBeUndefined();
  });

  it('turns post dates into UTC timestamps (no zone read as UTC)', () => {
    expect(waybackTimestamp('2024-04-30T12:00:00Z')).toBe('20240430120000');
    expect(waybackTimestamp('2024-04-30T12:00:00')).toBe('20240430120000');
    expect(waybackTimestamp('2024-04-30T14:00:00+02:00')).toBe('20240430120000');
    expect(waybackTimestamp('2024-04-30')).toBe('20240430000000');
    expect(waybackTimestamp(undefined)).toBeUndefined();
    expect(archiveKey('https://a/', undefined)).toBe('https://a/\nlatest');
  });
});

describe('whyNotPublic', () => {
  it.each([
    ['news.example-paper.com', undefined],
    ['8.8.8.8', undefined],
    ['127.0.0.2', 'the host is 127.0.0.2, a loopback address'],
    ['10.1.2.3', 'the host is 10.1.2.3, a private address'],
    ['[::1]', 'the host is ::1, a loopback address'],
    ['intranet', 'intranet is a single-label (intranet) name'],
    ['wiki.corp', 'wiki.corp is an intranet-only name'],
    ['printer.local', 'printer.local is an intranet-only name'],
    ['a.test', 'a.test is a name reserved for local use'],
    ['localhost', 'localhost is a name reserved for local use'],
    ['docs.example.com', 'docs.example.com is a name reserved for documentation'],
  ])('%s → %s', (host, expected) => {
    expect(whyNotPublic(host)).toBe(expected);
  });
});
