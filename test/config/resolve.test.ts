import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/defaults.js';
import { parseDuration, formatDuration } from '../../src/config/duration.js';
import { parseHeaderRule, resolveOptions } from '../../src/config/resolve.js';
import { ConfigError, UsageError } from '../../src/errors.js';

describe('parseDuration', () => {
  it('reads units and bare milliseconds', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('2s')).toBe(2000);
    expect(parseDuration('1m')).toBe(60_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('1500')).toBe(1500);
    expect(parseDuration('1.5s')).toBe(1500);
  });
  it('rejects garbage', () => {
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('-1s')).toBeUndefined();
    expect(parseDuration('5 parsecs')).toBeUndefined();
  });
  it('formats back to the largest exact unit', () => {
    expect(formatDuration(100)).toBe('100ms');
    expect(formatDuration(20_000)).toBe('20s');
    expect(formatDuration(86_400_000)).toBe('1d');
    for (const ms of [1, 999, 1000, 61_000, 3_600_000]) expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});

describe('resolveOptions', () => {
  it('uses the defaults when nothing is given', () => {
    const options = resolveOptions(undefined, {});
    expect(options).toMatchObject({
      concurrency: DEFAULTS.concurrency,
      hostIntervalMs: DEFAULTS.hostIntervalMs,
      failOn: 'error',
    });
  });

  it('lets flags override the file, and the file override defaults', () => {
    const options = resolveOptions(
      { label: 'citecheck.config.json', config: { concurrency: 5, hostInterval: '1s', timeout: 3000, exclude: ['a'] } },
      { concurrency: 9, exclude: ['b'] },
    );
    expect(options.concurrency).toBe(9);
    expect(options.hostIntervalMs).toBe(1000);
    expect(options.timeoutMs).toBe(3000);
    expect(options.exclude).toEqual(['a', 'b']);
  });

  it('scales the per-attempt timeouts with --timeout, so a longer bound helps a slow server', () => {
    expect(DEFAULTS.headersTimeoutMs).toBe(15_000);
    const options = resolveOptions(undefined, { timeout: '90s' });
    expect(options).toMatchObject({ timeoutMs: 90_000, headersTimeoutMs: 67_500, bodyTimeoutMs: 67_500 });
    expect(resolveOptions(undefined, { timeout: '2s' }).headersTimeoutMs).toBe(1_500);
  });

  it('maps cache true to the default file and per-host overrides to ms', () => {
    const options = resolveOptions(
      {
        label: 'f',
        config: { cache: true, hosts: { 'News.Example.org': { interval: '2s', concurrency: 1, check: false } } },
      },
      {},
    );
    expect(options.cache).toBe('.citecheck-cache.json');
    expect(options.hosts['news.example.org']).toEqual({ intervalMs: 2000, concurrency: 1, check: false });
  });

  it('names the flag for a bad command-line value and the key for a bad file value', () => {
    expect(() => resolveOptions(undefined, { timeout: 'soon' })).toThrow(UsageError);
    expect(() => resolveOptions(undefined, { timeout: 'soon' })).toThrow(/--timeout/);
    expect(() => resolveOptions({ label: 'c.json', config: { hostInterval: 'later' } }, {})).toThrow(ConfigError);
    expect(() => resolveOptions({ label: 'c.json', config: { hostInterval: 'later' } }, {})).toThrow(/"hostInterval"/);
    expect(() => resolveOptions(undefined, { exclude: ['('] })).toThrow(/--exclude/);
    expect(() => resolveOptions(undefined, { concurrency: 0 })).toThrow(/--concurrency/);
  });
});

describe('parseHeaderRule', () => {
  it('reads global and host-scoped headers', () => {
    expect(parseHeaderRule('Authorization: Bearer x=y')).toEqual({ name: 'Authorization', value: 'Bearer x=y' });
    expect(parseHeaderRule('api.example.net=X-Key: 1:2')).toEqual({
      host: 'api.example.net',
      name: 'X-Key',
      value: '1:2',
    });
  });
  it('rejects malformed headers', () => {
    expect(() => parseHeaderRule('no colon')).toThrow(UsageError);
    expect(() => parseHeaderRule('bad name: v')).toThrow(UsageError);
    expect(() => parseHeaderRule('=X: v')).toThrow(UsageError);
  });
});
