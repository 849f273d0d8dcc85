import { describe, expect, it } from 'vitest';
import { readShard } from '../../src/config/shard.js';
import { resolveOptions } from '../../src/config/resolve.js';
import { decidedResults, planTargets, targetsToCheck } from '../../src/links/plan.js';
import { isInShard, shardKey, shardOf } from '../../src/links/shard.js';
import { ConfigError, UsageError } from '../../src/errors.js';

describe('--shard k/n', () => {
  it('reads k/n', () => {
    expect(readShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(readShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/4', '5/4', '2', '2/0', 'a/b', '-1/4', '1/1001', '2/4/8', ''])('refuses %j in one line', (text) => {
    expect(readShard(text)).toBeUndefined();
    expect(() => resolveOptions(undefined, { shard: text })).toThrow(UsageError);
    expect(() => resolveOptions(undefined, { shard: text })).toThrow(/^--shard: must be k\/n/);
  });

  it('resolves from the command line and the config file', () => {
    expect(resolveOptions(undefined, { shard: '3/8' }).shard).toEqual({ index: 3, count: 8 });
    expect(resolveOptions(undefined, {}).shard).toBeUndefined();
    const file = { label: 'citecheck.config.json', config: { shard: '2/4' } };
    expect(resolveOptions(file).shard).toEqual({ index: 2, count: 4 });
    expect(() => resolveOptions({ ...file, config: { shard: '0/4' } })).toThrow(ConfigError);
  });
});

describe('which shard checks a link', () => {
  it('keys a link by the registrable domain of its host', () => {
    expect(shardKey('https://news.bbc.co.uk/a')).toBe('bbc.co.uk');
    expect(shardKey('https://WWW.BBC.CO.UK/b?x=1#y')).toBe('bbc.co.uk');
    expect(shardKey('https://a.b.example.com/')).toBe('example.com');
    // No registrable domain: the host itself.
    expect(shardKey('http://127.0.0.5:8080/x')).toBe('127.0.0.5');
    expect(shardKey('http://localhost/')).toBe('localhost');
    expect(shardKey('http://[::1]:3000/')).toBe('[::1]');
    expect(shardKey('mailto:desk@example.org')).toBeUndefined();
    expect(shardKey('not a url')).toBeUndefined();
  });

  it('sends every page of one site to one shard, whatever the count', () => {
    for (const count of [2, 3, 4, 7, 16]) {
      const shard = shardOf('https://www.example.co.uk/a', count);
      for (const url of ['https://example.co.uk/', 'https://news.example.co.uk/b', 'http://cdn.example.co.uk/c.png'])
        expect(shardOf(url, count)).toBe(shard);
    }
  });

  it('gives links without a host to shard 1, and every link to one shard of n', () => {
    expect(shardOf('mailto:desk@example.org', 4)).toBe(1);
    expect(shardOf('https://[bad', 4)).toBe(1);
    const hosts = Array.from({ length: 1000 }, (_, i) => `https://news.site-${i}.org/page`);
    const counts = [0, 0, 0, 0];
    for (const url of hosts) {
      const owners = [1, 2, 3, 4].filter((index) => isInShard(url, { index, count: 4 }));
      expect(owners).toHaveLength(1);
      counts[owners[0] - 1] += 1;
    }
    // A hash, not a partition by name: each of 4 shards gets a fair share of 1,000 sites.
    for (const n of counts) expect(n).toBeGreaterThan(150);
  });

  it('plans a shard: its targets go on, the others are unchecked, saying which shard checks them', () => {
    const targets = Array.from({ length: 40 }, (_, i) => ({
      url: `https://www.host-${i}.org/p`,
      fragments: [],
      quotes: [],
    }));
    const shard = { index: 2, count: 3 };
    const plan = planTargets(targets, { ...resolveOptions(undefined, {}), shard });
    const toCheck = targetsToCheck(plan);
    const held = decidedResults(plan);
    expect(toCheck.length + held.length).toBe(40);
    expect(toCheck.length).toBeGreaterThan(0);
    expect(toCheck.every((t) => isInShard(t.url, shard))).toBe(true);
    for (const result of held) {
      expect(result).toMatchObject({ status: 'unchecked', attempts: 0 });
      expect(result.reason).toBe(`checked by shard ${shardOf(result.url, 3)}/3`);
      expect(shardOf(result.url, 3)).not.toBe(2);
    }
    expect(decidedResults(planTargets(targets, resolveOptions(undefined, {})))).toEqual([]);
    // The plan says why: the shard rule, first.
    expect(plan.targets.filter((p) => p.action !== 'check').every((p) => 'rule' in p && p.rule === 'shard')).toBe(true);
  });
});
