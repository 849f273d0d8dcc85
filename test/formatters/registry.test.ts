import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FORMATTERS, type FormatName } from '../../src/formatters/index.js';
import { buildReport } from '../../src/report/build.js';
import type { Report } from '../../src/types.js';
import { STARTED_AT, block, citation, damaged, post, result, results } from '../fixtures/reports/builders.js';
import { creditsReport, referencesReport } from '../fixtures/reports/credit-reports.js';
import { hostileReport, mixedReport, seedLikeReport } from '../fixtures/reports/sample-reports.js';

const emptyReport = (): Report => buildReport({ posts: [], results: new Map(), startedAt: STARTED_AT, durationMs: 0 });

describe('FORMATTERS registry', () => {
  it('has the six formats with their file extensions', () => {
    expect(Object.keys(FORMATTERS).sort()).toEqual(['html', 'json', 'junit', 'markdown', 'sarif', 'terminal']);
    expect(Object.fromEntries(Object.entries(FORMATTERS).map(([k, f]) => [k, f.extension]))).toEqual({
      terminal: 'txt',
      json: 'json',
      markdown: 'md',
      html: 'html',
      junit: 'xml',
      sarif: 'sarif',
    });
  });

  it.each(Object.keys(FORMATTERS) as FormatName[])(
    '%s renders every sample and an empty report, deterministically',
    (name) => {
      for (const make of [mixedReport, seedLikeReport, hostileReport, creditsReport, referencesReport, emptyReport]) {
        const a = FORMATTERS[name].render(make(), { cwd: '/repo' });
        expect(typeof a).toBe('string');
        expect(a.length).toBeGreaterThan(0);
        expect(FORMATTERS[name].render(make(), { cwd: '/repo' })).toBe(a);
      }
    },
  );

  it('an empty run never claims success it did not check', () => {
    const out = FORMATTERS.terminal.render(emptyReport());
    expect(out).toContain('No links were found');
    expect(out).not.toContain('✔');
  });

  it('a report whose findings match no citation still shows them (JUnit)', () => {
    const report = mixedReport();
    const orphan = { ...report.findings[0], block: 99, url: 'https://nowhere.example/' };
    const xml = FORMATTERS.junit.render({ ...report, findings: [...report.findings, orphan] });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('name="¶100 LINK_BROKEN"');
  });
});

describe('any post text stays inert in every format', () => {
  it('property: arbitrary text, anchors and URLs', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        (text, anchor, tail) => {
          const url = `https://h.example.org/${tail}`;
          const report = buildReport({
            posts: [
              post(
                `p${tail}.json`,
                [
                  block(0, {
                    text,
                    signals: ['citation', 'quote'],
                    citations: [
                      citation(url, { anchorText: anchor }),
                      citation(`javascript:${tail}`, { anchorText: anchor }),
                      citation(`${url}/f`, { anchorText: anchor, via: 'footnote', sentence: text }),
                      citation(`${url}/s`, { anchorText: anchor, role: 'share' }),
                    ],
                    damagedAnchors: [damaged(anchor, text)],
                    credits: [
                      { via: 'footnote', block: 1 },
                      { via: 'footnote', block: 2 },
                    ],
                  }),
                  // A footnote with the credited link, and one that credits with its text alone.
                  block(1, {
                    kind: 'footnote',
                    isClaim: false,
                    text,
                    citations: [citation(`${url}/f`, { anchorText: anchor })],
                  }),
                  block(2, { kind: 'footnote', isClaim: false, text }),
                ],
                {
                  title: text,
                },
              ),
            ],
            results: results(result(url, 'broken', { reason: text }), result(`${url}/f`, 'broken', { reason: text })),
            startedAt: STARTED_AT,
            durationMs: 1,
          });
          expect(XMLValidator.validate(FORMATTERS.junit.render(report))).toBe(true);
          expect(() => JSON.parse(FORMATTERS.sarif.render(report, { cwd: '/' }))).not.toThrow();
          expect(JSON.parse(FORMATTERS.json.render(report))).toEqual(JSON.parse(JSON.stringify(report)));
          const $ = cheerio.load(FORMATTERS.html.render(report));
          expect($('script')).toHaveLength(1);
          expect(
            $('main a[href]')
              .map((_, a) => $(a).attr('href'))
              .get()
              .every((h) => /^https?:/.test(h)),
          ).toBe(true);
          expect(FORMATTERS.terminal.render(report)).not.toMatch(
            /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
          );
          expect(FORMATTERS.markdown.render(report)).not.toMatch(
            /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|<(?!\/?(details|summary|sub)>)/,
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
