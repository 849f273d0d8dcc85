import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { shorten } from '../../src/report/shorten.js';
import { formatFindingMessage } from '../../src/report/messages.js';
import { STARTED_AT, block, citation, post, result, results } from '../fixtures/reports/builders.js';

const URL_A = 'https://a.example.org/report';
const S1 = 'The council said that “transit spending rises by 12 percent next year” on Tuesday.';
const S2 = 'It also promised that “the fare freeze will stay in place” for riders.';

function reportWith(missingQuotes: string[] | undefined, status: 'ok' | 'broken' = 'ok') {
  return buildReport({
    posts: [
      post('p.json', [
        block(0, {
          text: `${S1} ${S2}`,
          citations: [
            citation(URL_A, { anchorText: 'said', sentence: S1 }),
            citation(URL_A, { anchorText: 'promised', sentence: S2 }),
          ],
        }),
      ]),
    ],
    results: results(result(URL_A, status, missingQuotes ? { missingQuotes } : {})),
    startedAt: STARTED_AT,
    durationMs: 1,
  });
}

describe('QUOTE_NOT_FOUND', () => {
  it('is raised (warning) for the citation whose sentence quotes the missing text', () => {
    const report = reportWith(['the fare freeze will stay in place']);
    const found = report.findings.filter((f) => f.code === 'QUOTE_NOT_FOUND');
    expect(found.map((f) => [f.severity, f.url, f.block, f.args.anchorText, f.args.quote])).toEqual([
      ['warning', URL_A, 0, 'promised', 'the fare freeze will stay in place'],
    ]);
  });

  it('is not raised when nothing is missing or the result recorded nothing', () => {
    expect(reportWith([]).findings.filter((f) => f.code === 'QUOTE_NOT_FOUND')).toEqual([]);
    expect(reportWith(undefined).findings.filter((f) => f.code === 'QUOTE_NOT_FOUND')).toEqual([]);
  });

  it('one finding per missing quote', () => {
    const report = reportWith(['the fare freeze will stay in place', 'transit spending rises by 12 percent next year']);
    expect(
      report.findings
        .filter((f) => f.code === 'QUOTE_NOT_FOUND')
        .map((f) => f.args.anchorText)
        .sort(),
    ).toEqual(['promised', 'said']);
  });

  it('the message names the anchor, the quote and the URL', () => {
    const message = formatFindingMessage('QUOTE_NOT_FOUND', {
      anchorText: 'promised',
      url: URL_A,
      quote: 'the fare freeze',
    });
    expect(message).toContain('"promised"');
    expect(message).toContain('"the fare freeze"');
    expect(message).toContain(URL_A);
  });

  it('shortens long quotes at a word boundary', () => {
    const long = 'word '.repeat(40).trim();
    const short = shorten(long, 80);
    expect(short.length).toBeLessThanOrEqual(80);
    expect(short.endsWith('word…')).toBe(true);
    expect(shorten('short quote', 80)).toBe('short quote');
  });
});
