import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { STARTED_AT, block, citation, damaged, post, result, results } from '../fixtures/reports/builders.js';

// deriveFindings passes over blocks that can raise nothing (no damaged anchor, no citation it
// reports on, no uncited-claim signal) without looking further: these blocks sit on both sides
// of that line, so a shortcut that skipped too much (or too little) changes the findings here.
describe('findings of blocks with little in them', () => {
  const broken = 'https://gone.example.org/x';
  const report = buildReport({
    posts: [
      post('posts/mixed.json', [
        block(0, { text: 'Plain words.' }),
        block(1, { text: 'Turnout was 61%.', signals: ['number'] }),
        block(2, { kind: 'heading', text: 'Turnout was 61%', signals: ['number'] }),
        // A share link is no source: the figure is still uncited.
        block(3, {
          text: 'Turnout was 62%. Share',
          signals: ['number'],
          citations: [citation('https://share.example.com/?u=1', { role: 'share' })],
        }),
        // A credit from another block and an ignored link raise nothing where they are copied.
        block(4, { text: 'See the note.', signals: [], citations: [citation(broken, { via: 'footnote' })] }),
        block(5, { text: 'Ignored link.', signals: [], citations: [citation(broken, { ignored: 'config' })] }),
        block(6, { text: 'Cited only.', signals: ['citation'] }),
        block(7, { text: 'A lost link.', damagedAnchors: [damaged('lost')] }),
        block(8, { text: 'A source.', citations: [citation(broken)] }),
      ]),
    ],
    results: results(result(broken, 'broken')),
    startedAt: STARTED_AT,
    durationMs: 1,
  });

  it('raises exactly what each block calls for', () => {
    const raised = report.findings.map((f) => `${f.block ?? '-'} ${f.code}`).sort();
    expect(raised).toEqual(['1 CLAIM_UNCITED', '3 CLAIM_UNCITED', '7 ANCHOR_DAMAGED', '8 LINK_BROKEN']);
  });

  it('still counts and lists every block', () => {
    expect(report.totals.blocks).toBe(9);
    expect(report.posts[0].blocks.map((b) => b.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
