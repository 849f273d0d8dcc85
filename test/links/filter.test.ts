import { describe, expect, it } from 'vitest';
import { classifyUrl } from '../../src/links/filter.js';
import { compilePattern } from '../../src/config/patterns.js';

const none = { include: [], exclude: [] };

describe('classifyUrl', () => {
  it.each(['mailto:a@b.org', 'tel:+15551234', 'javascript:alert(1)', 'data:text/plain,hi', 'ftp://files.org/x'])(
    '%s is skipped as an unsupported scheme',
    (url) => {
      expect(classifyUrl(url, none)).toMatchObject({ status: 'skipped', errorCode: 'UNSUPPORTED_SCHEME' });
    },
  );

  it.each([
    'https://example.com/a',
    'http://www.example.org/',
    'https://sub.example.net/x',
    'http://site.example/',
    'http://thing.invalid/',
  ])('%s is a reserved example domain', (url) => {
    expect(classifyUrl(url, none)).toMatchObject({ status: 'excluded', errorCode: 'EXAMPLE_DOMAIN' });
  });

  it.each(['http://app.test/', 'http://localhost:8080/', 'http://foo.localhost/'])(
    '%s is a name for local setups, with its own code',
    (url) => {
      expect(classifyUrl(url, none)).toMatchObject({ status: 'excluded', errorCode: 'LOCAL_NAME' });
    },
  );

  it('does not mistake look-alikes for example domains', () => {
    expect(classifyUrl('https://myexample.com/', none)).toBeUndefined();
    expect(classifyUrl('https://example.com.evil.org/', none)).toBeUndefined();
    expect(classifyUrl('https://news.org/test', none)).toBeUndefined();
  });

  it('applies --exclude and --include', () => {
    expect(classifyUrl('https://news.org/a', { include: [], exclude: [/news\.org/] })).toMatchObject({
      status: 'excluded',
      errorCode: 'EXCLUDED_PATTERN',
    });
    expect(classifyUrl('https://other.org/a', { include: [/news\.org/], exclude: [] })).toMatchObject({
      status: 'excluded',
      errorCode: 'EXCLUDED_PATTERN',
    });
    expect(classifyUrl('https://news.org/a', { include: [/news\.org/], exclude: [] })).toBeUndefined();
  });

  it('quotes an --exclude pattern as it was written (RegExp#source would escape "/")', () => {
    const pattern = compilePattern('^https://news\\.org/');
    expect(classifyUrl('https://news.org/a', { include: [], exclude: [pattern] })?.reason).toBe(
      'matches --exclude ^https://news\\.org/',
    );
  });

  it('skips what is not an absolute URL', () => {
    expect(classifyUrl('http//broken', none)).toMatchObject({ status: 'skipped', errorCode: 'INVALID_URL' });
  });
});
