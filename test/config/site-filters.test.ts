import { describe, expect, it } from 'vitest';
import { parseDateFilter } from '../../src/config/date-filter.js';
import { resolveOptions } from '../../src/config/resolve.js';
import { ConfigError, UsageError } from '../../src/errors.js';

describe('parseDateFilter', () => {
  it('takes a date as its midnight and keeps a date-time and its zone', () => {
    expect(parseDateFilter('2024-05-01')).toBe('2024-05-01T00:00:00');
    expect(parseDateFilter('2024-05-01T13:45')).toBe('2024-05-01T13:45:00');
    expect(parseDateFilter('2024-05-01T13:45:10Z')).toBe('2024-05-01T13:45:10Z');
    expect(parseDateFilter('2024-05-01 13:45:10+02:00')).toBe('2024-05-01T13:45:10+02:00');
  });
  it('refuses what is not a real date', () => {
    for (const bad of ['yesterday', '2024-02-30', '2024-13-01', '2024-05-01T24:00', '05/01/2024', ''])
      expect(parseDateFilter(bad)).toBeUndefined();
  });
});

describe('site filters in the options', () => {
  it('defaults to published posts and pages, no date filter, no limit', () => {
    const options = resolveOptions(undefined, {});
    expect(options.postTypes).toEqual(['posts', 'pages']);
    expect(options.statuses).toEqual(['publish']);
    expect(options.after).toBeUndefined();
    expect(options.limit).toBeUndefined();
  });
  it('reads lists, dates and the limit from flags over the file', () => {
    const options = resolveOptions(
      { label: 'citecheck.config.json', config: { status: 'publish', type: 'posts', limit: 5 } },
      { status: 'Publish, draft', after: '2024-01-01', modifiedAfter: '2024-06-01T10:00:00Z', limit: 10 },
    );
    expect(options.statuses).toEqual(['publish', 'draft']);
    expect(options.postTypes).toEqual(['posts']);
    expect(options.after).toBe('2024-01-01T00:00:00');
    expect(options.modifiedAfter).toBe('2024-06-01T10:00:00Z');
    expect(options.limit).toBe(10);
  });
  it('names the flag or the config key of a bad value', () => {
    expect(() => resolveOptions(undefined, { before: 'last week' })).toThrow(UsageError);
    expect(() => resolveOptions(undefined, { before: 'last week' })).toThrow(/--before: is not a date/);
    expect(() => resolveOptions(undefined, { type: 'posts;pages' })).toThrow(/--type: must be names/);
    expect(() => resolveOptions(undefined, { limit: 0 })).toThrow(/--limit: must be a whole number ≥ 1/);
    expect(() => resolveOptions({ label: 'c.json', config: { modifiedAfter: '2024-02-30' } }, {})).toThrow(ConfigError);
  });
});
