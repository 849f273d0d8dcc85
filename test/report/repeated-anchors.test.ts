import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/formatters/json.js';
import { buildReport } from '../../src/report/build.js';
import type { DamagedAnchor } from '../../src/types.js';
import { STARTED_AT, block, damaged, post } from '../fixtures/reports/builders.js';

function reportOf(anchors: DamagedAnchor[]) {
  const p = post('post.md', [block(0, { damagedAnchors: anchors })]);
  return buildReport({ posts: [p], results: new Map(), startedAt: STARTED_AT, durationMs: 1 });
}

describe('the same lost anchor again in its sentence (issue 13: 4.3 million in a 30 MB post)', () => {
  it('shares the wording of the finding before it, each finding at its own line', () => {
    const sentence = 'A a a a.';
    const anchors = [1, 1, 2, 3].map((line) => ({ ...damaged('a', sentence), line }));
    const findings = reportOf(anchors).findings;
    expect(findings.map((f) => f.line)).toEqual([1, 1, 2, 3]);
    // One args object and one message for the run of identical anchors.
    for (const f of findings.slice(1)) {
      expect(f.args).toBe(findings[0].args);
      expect(f.message).toBe(findings[0].message);
    }
    expect(findings[0].args).toEqual({ anchorText: 'a', sentence, reason: 'orphan-close-tag' });
  });

  it('words its own finding when the text, the sentence or the reason differs', () => {
    const base = damaged('a', 'One a.');
    const anchors: DamagedAnchor[] = [
      base,
      { ...base, anchorText: 'b' },
      { ...base, anchorText: 'b', sentence: 'Two b.' },
      { ...base, anchorText: 'b', sentence: 'Two b.', reason: 'missing-href' },
    ];
    const findings = reportOf(anchors).findings;
    expect(findings.map((f) => f.args)).toEqual(
      anchors.map(({ anchorText, sentence, reason }) => ({ anchorText, sentence, reason })),
    );
    expect(new Set(findings.map((f) => f.args)).size).toBe(4);
    expect(findings[3].message).toContain('the link has no href');
  });

  it('redacts a credential once in args a run of findings shares', () => {
    const sentence = 'See https://user:secret@example.org/x here.';
    const report = reportOf([damaged('here', sentence), damaged('here', sentence), damaged('here', sentence)]);
    expect(JSON.stringify(JSON.parse(renderJson(report)).findings)).not.toContain('secret');
    for (const f of report.findings) expect(f.args.sentence).toBe('See https://***@example.org/x here.');
  });
});
