import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/defaults.js';
import { checkTargets } from '../../src/check/index.js';
import { offlineResults } from '../../src/links/offline-results.js';
import { collectTargets } from '../../src/links/targets.js';
import { citation, post } from '../helpers/bare-citations.js';

/** Every shape of link the plan tells apart, and links that are no target. */
const POSTS = [
  post(
    [
      citation('https://news.org/a'),
      citation('https://docs.example.com/x'),
      citation('https://sub.example.org/y'),
      citation('http://localhost:8080/'),
      citation('mailto:desk@news.org'),
      citation('https://news.org/a', { fragment: 'part' }),
    ],
    [
      // A widget's link no source cites, one a source cites too, an ignored link.
      citation('https://share.social.net/p', { role: 'share' }),
      citation('https://news.org/b', { role: 'tag' }),
      citation('https://news.org/b'),
      citation('https://ignored.org/', { ignored: 'citecheck-ignore comment' }),
      citation('https://bad.org:99999/', { invalid: 'bad port' }),
      citation(undefined),
    ],
  ),
  post([citation('https://news.org/a', { via: 'footnote' }), citation('https://other.net/c', { via: 'footnote' })]),
];

describe('offlineResults', () => {
  it('gives every cited URL the result the offline plan gives it, and none to a URL that is no target', async () => {
    for (const options of [
      { ...DEFAULTS, offline: true },
      { ...DEFAULTS, offline: true, shard: { index: 1, count: 2 } },
      { ...DEFAULTS, offline: true, exclude: [/news\.org\/b/] },
    ]) {
      const planned = (await checkTargets(collectTargets(POSTS), options)).results;
      const lookup = offlineResults(POSTS, options);
      const urls = POSTS.flatMap((p) => p.blocks.flatMap((b) => b.citations.map((c) => c.checkUrl)));
      for (const url of urls) {
        if (url === undefined) continue;
        const [want, got] = [planned.get(url), lookup.get(url)];
        expect(got && { ...got, checkedAt: '' }, url).toEqual(want && { ...want, checkedAt: '' });
      }
      expect(lookup.get('https://share.social.net/p')).toBeUndefined();
      expect(lookup.get('https://other.net/c')).toBeUndefined();
    }
  });

  it('words an example domain by its name, each link of it alike', () => {
    const lookup = offlineResults([post([citation('https://a.example.org/1'), citation('https://a.example.org/2')])], {
      ...DEFAULTS,
      offline: true,
    });
    const [one, two] = [lookup.get('https://a.example.org/1'), lookup.get('https://a.example.org/2')];
    expect(one?.reason).toBe('a.example.org is a reserved example domain');
    expect(two?.reason).toBe(one?.reason);
  });
});
