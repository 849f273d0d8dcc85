import { describe, expect, it } from 'vitest';
import { isLocalArchive } from '../../src/archive/public-host.js';
import { stubLookup } from '../helpers/stub-lookup.js';

describe('which archive endpoint is local (told of intranet links)', () => {
  const lookup = stubLookup({
    'pywb.citecheck-made-up': ['127.0.0.9', '::1'],
    'split.citecheck-made-up': ['10.0.0.5', '93.184.215.14'],
    'mirror.citecheck-made-up': '93.184.215.14',
    'slow.citecheck-made-up': 'hang',
  });
  const local = (endpoint: string) => isLocalArchive(endpoint, lookup, 200);

  it('one whose host is private by its address or its name', async () => {
    for (const endpoint of [
      'http://127.0.0.9:8080/pywb',
      'http://10.1.2.3/',
      'http://[::1]:8080/',
      'http://[fd00::5]/',
      'http://localhost:8080/',
      'http://pywb/',
      'https://archive.corp.internal/',
      'http://wayback.test/',
    ])
      expect(await local(endpoint), endpoint).toBe(true);
    expect(await local('http://pywb.citecheck-made-up/')).toBe(true);
  });

  it('not one that is public, partly public, unknown or silent', async () => {
    for (const endpoint of [
      'https://web.archive.org',
      'http://93.184.215.14/',
      'https://mirror.citecheck-made-up/',
      'https://split.citecheck-made-up/',
      'https://unknown.citecheck-made-up/',
      'https://slow.citecheck-made-up/',
      'https://archive.example.org/',
      'not a url',
    ])
      expect(await local(endpoint), endpoint).toBe(false);
  });
});
