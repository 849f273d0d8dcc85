import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/formatters/junit.js';
import { renderTerminal } from '../../src/formatters/terminal.js';
import { buildReport, failOnSentence } from '../../src/report/build.js';
import { isOmittedSummary } from '../../src/report/derive-findings.js';
import { MAX_LISTED_PER_BLOCK, type CheckResult } from '../../src/types.js';
import { STARTED_AT, block, citation, damaged, post, result } from '../fixtures/reports/builders.js';

const N = MAX_LISTED_PER_BLOCK;

/** One paragraph with `anchors` lost anchors and `links` broken plain-http links. */
function hostileBlockReport(anchors: number, links: number) {
  const urls = Array.from({ length: links }, (_, i) => `http://news.example.org/${i}`);
  const p = post('posts/flood.json', [
    block(0, {
      damagedAnchors: Array.from({ length: anchors }, (_, i) => damaged(`word${i}`)),
      citations: urls.map((u) => citation(u, { anchorText: `link ${u}` })),
    }),
  ]);
  const results = new Map<string, CheckResult>(urls.map((u) => [u, result(u, 'broken')]));
  return buildReport({ posts: [p], results, startedAt: STARTED_AT, durationMs: 1 });
}

describe('findings per block are capped, with one summary finding per code', () => {
  it(`lists the first ${N} of each code in reading order, then says how many more`, () => {
    const report = hostileBlockReport(N + 70, N + 5);
    const byCode = (code: string) => report.findings.filter((f) => f.code === code);
    for (const [code, extra] of [
      ['ANCHOR_DAMAGED', 70],
      ['LINK_BROKEN', 5],
      ['LINK_INSECURE_HTTP', 5],
    ] as const) {
      const found = byCode(code);
      expect(found, code).toHaveLength(N + 1);
      const summary = found[N];
      expect(isOmittedSummary(summary), code).toBe(true);
      expect(summary).toMatchObject({ severity: found[0].severity, post: 0, block: 0, args: { omitted: extra } });
      expect(summary.url).toBeUndefined();
      expect(summary.message).toBe(
        `${extra} more ${code} findings in this block are not listed (at most ${N} per block); the JSON report's posts list every link and warning, and a block's first ${N} lost anchors with the count of the rest.`,
      );
    }
    expect(byCode('ANCHOR_DAMAGED')[0].args.anchorText).toBe('word0');
    expect(byCode('ANCHOR_DAMAGED')[N - 1].args.anchorText).toBe(`word${N - 1}`);
    // The data is all there: only findings are capped.
    expect(report.totals.damagedAnchors).toBe(N + 70);
    expect(report.posts[0].blocks[0].citations).toHaveLength(N + 5);
  });

  it('totals and the exit line count every finding, the ones not listed too', () => {
    const report = hostileBlockReport(N + 70, N + 5);
    // Errors: every lost anchor and broken link; notes: every insecure http link.
    expect(report.totals.findings).toEqual({ error: 2 * N + 75, warning: 0, note: N + 5 });
    expect(failOnSentence(report, 'error')).toBe(
      `exit 1: ${2 * N + 75} findings at or above --fail-on error (${N + 5} LINK_BROKEN, ${N + 70} ANCHOR_DAMAGED)`,
    );
  });

  it('at the cap exactly, no summary', () => {
    const report = hostileBlockReport(N, 0);
    expect(report.findings.filter((f) => f.code === 'ANCHOR_DAMAGED')).toHaveLength(N);
    expect(report.findings.some(isOmittedSummary)).toBe(false);
  });

  it('post-level findings are capped per post', () => {
    const warnings = Array.from({ length: N + 3 }, (_, i) => ({
      code: 'INPUT_REPAIRED' as const,
      repair: `repair ${i}`,
    }));
    const report = buildReport({
      posts: [post('p.json', [], { warnings })],
      results: new Map(),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    expect(report.findings).toHaveLength(N + 1);
    expect(report.findings[N].message).toMatch(/^3 more INPUT_REPAIRED findings in this post are not listed/);
  });

  it('findings grow linearly with a flood of lost anchors in one unpunctuated paragraph', () => {
    // Every anchor's sentence is the whole paragraph, as in 'word</a> '×30000 (issue 13):
    // one finding per anchor made the findings quadratic in the paragraph's length.
    const findingsSize = (n: number) => {
      const sentence = 'word '.repeat(n);
      const p = post('p.json', [
        block(0, { damagedAnchors: Array.from({ length: n }, () => damaged('word', sentence)) }),
      ]);
      const report = buildReport({ posts: [p], results: new Map(), startedAt: STARTED_AT, durationMs: 1 });
      return JSON.stringify(report.findings).length;
    };
    expect(findingsSize(4_000) / findingsSize(2_000)).toBeLessThan(2.2);
  });

  it('the terminal lists the first anchors and the summary; JUnit passes no failing link', () => {
    const report = hostileBlockReport(N + 70, N + 5);
    const terminal = renderTerminal(report);
    expect(terminal.match(/\[DAMAGED\]/g)).toHaveLength(N);
    expect(terminal).toContain('70 more ANCHOR_DAMAGED findings in this block are not listed');
    expect(terminal).toContain('5 more LINK_BROKEN findings in this block are not listed');
    const junit = renderJunit(report);
    const cases = junit.match(/<testcase [^>]*?(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
    const passing = cases.filter((c) => !c.includes('<failure') && !c.includes('<skipped'));
    // Every link and anchor here is broken: none of their cases may pass (notes never fail a case).
    expect(passing.filter((c) => /news\.example\.org|anchor “/.test(c))).toEqual([]);
    expect(passing.length).toBeGreaterThanOrEqual(1);
    expect(junit).toContain('70 more ANCHOR_DAMAGED findings');
  });
});
