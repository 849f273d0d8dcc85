import { describe, expect, it } from 'vitest';
import { normalizeDate, readDate } from '../../src/sources/dates.js';
import { parseDocument } from '../../src/sources/index.js';

describe('normalizeDate', () => {
  it.each([
    ['2026-02-01T10:00:00.000Z', '2026-02-01T10:00:00Z'],
    ['2026-02-01T12:00:00+02:00', '2026-02-01T10:00:00Z'],
    ['2026-02-01T10:00:00.250Z', '2026-02-01T10:00:00.250Z'],
    ['Sun, 01 Feb 2026 10:00:00 GMT', '2026-02-01T10:00:00Z'],
    ['2026-02-01', '2026-02-01T00:00:00Z'],
    // No zone written: the wall clock as written, never the machine's zone.
    ['2026-02-01T10:00', '2026-02-01T10:00:00'],
    ['2026-02-01 10:00:00.5', '2026-02-01T10:00:00.500'],
    ['2024-01-02 10:00:00 +0100', '2024-01-02T09:00:00Z'],
    ['February 29, 2024', '2024-02-29T00:00:00'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it('treats blank and the WordPress unset date as no date', () => {
    expect(normalizeDate('  ')).toBeUndefined();
    expect(normalizeDate('0000-00-00T00:00:00')).toBeUndefined();
    expect(normalizeDate(42)).toBeUndefined();
  });
});

describe('readDate refuses what is not a possible date', () => {
  it.each([
    ['garbage', 'not a date'],
    // V8's Date.parse reads these two as 2001-01-01 and 2024-03-01.
    ['garbage 1', 'not a date'],
    ['Feb 30 2024', 'not a date'],
    ['2024-13-45T99:00:00', 'month 13 does not exist'],
    ['2023-02-29', 'day 29 does not exist in 2023-02'],
    ['2024-04-31T10:00:00Z', 'day 31 does not exist in 2024-04'],
    ['2024-01-01T24:00:00', 'time 24:00:00 does not exist'],
    ['2024-01-01T10:00:00+25:00', 'zone +25:00 does not exist'],
  ])('%s: %s', (input, why) => {
    expect(readDate(input)).toEqual({ invalid: why });
    expect(normalizeDate(input)).toBeUndefined();
  });
});

describe('dates across input formats', () => {
  it('gives the same instant the same text from WordPress, HTML and Markdown', () => {
    const wp = parseDocument(
      '{"date_gmt":"2026-02-01T10:00:00","modified_gmt":"2026-02-02T08:00:00","content":{"rendered":"<p>x</p>"}}',
      { source: 'p.json' },
    )[0];
    const html = parseDocument(
      '<html><head><meta property="article:published_time" content="2026-02-01T11:00:00+01:00"><meta property="article:modified_time" content="2026-02-02T08:00:00Z"></head><body><p>x</p></body></html>',
      { source: 'p.html' },
    )[0];
    const md = parseDocument('---\ndate: 2026-02-01T10:00:00Z\n---\n\nx\n', { source: 'p.md' })[0];
    expect([wp.published, html.published, md.published]).toEqual([
      '2026-02-01T10:00:00Z',
      '2026-02-01T10:00:00Z',
      '2026-02-01T10:00:00Z',
    ]);
    expect([wp.modified, html.modified]).toEqual(['2026-02-02T08:00:00Z', '2026-02-02T08:00:00Z']);
  });
});
