import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../src/formatters/terminal.js';
import { buildReport } from '../../src/report/build.js';
import type { CheckResult } from '../../src/types.js';
import { STARTED_AT, block, citation, hop, post, result, results } from '../fixtures/reports/builders.js';

/** 60 posts citing one URL each: post 3's is gone, post 40's moved, the rest are ok over plain http. */
function archive() {
  const checks: CheckResult[] = [];
  const posts = Array.from({ length: 60 }, (_, i) => {
    const url = `http://source-${i}.example.org/story`;
    if (i === 3) checks.push(result(url, 'broken'));
    else if (i === 40)
      checks.push(
        result(url, 'ok', { finalUrl: `${url}/new`, redirects: [hop(url, 301, `${url}/new`)], httpStatus: 200 }),
      );
    else checks.push(result(url, 'ok'));
    return post(`post-${i}.json`, [block(0, { citations: [citation(url, { anchorText: `anchor ${i}` })] })], {
      title: `Story ${i}`,
    });
  });
  return buildReport({ posts, results: results(...checks), startedAt: STARTED_AT, durationMs: 1 });
}

describe('terminal report of more than 50 posts', () => {
  it('lists only the citations with errors or warnings, failing posts first, then the summary', () => {
    const out = renderTerminal(archive());
    expect(out).toContain('Failing citations: 2 with errors or warnings in 2 posts of 60');
    expect(out.indexOf('Story 3')).toBeLessThan(out.indexOf('Story 40'));
    expect(out).toMatch(/\[BROKEN\] +“anchor 3” http:\/\/source-3\.example\.org\/story/);
    expect(out).toContain('LINK_REDIRECT_PERMANENT');
    // Passing citations and notes (plain http everywhere) are left to --verbose.
    expect(out).not.toContain('anchor 5');
    expect(out).not.toContain('LINK_INSECURE_HTTP');
    expect(out).toContain('Summary');
    expect(out).toMatch(/Findings +1 error · 1 warning · 60 notes/);
  });

  it('with verbose, lists every post as a smaller run does', () => {
    const out = renderTerminal(archive(), { verbose: true });
    expect(out).not.toContain('Failing citations');
    expect(out).toContain('anchor 5');
    expect(out).toContain('LINK_INSECURE_HTTP');
  });

  it('says so when nothing fails', () => {
    const report = archive();
    report.findings = report.findings.filter((f) => f.severity === 'note');
    expect(renderTerminal(report)).toContain('No failing citation in 60 posts.');
  });
});
