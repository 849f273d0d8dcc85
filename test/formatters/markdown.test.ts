import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/formatters/markdown.js';
import { hostileReport, mixedReport, seedLikeReport } from '../fixtures/reports/sample-reports.js';
import { mask } from './mask.js';

/** Counts unescaped cell separators of a GFM table row. */
function cells(row: string): number {
  return row.replace(/\\\|/g, '').split('|').length - 2;
}

describe('markdown formatter', () => {
  it('matches the snapshot', async () => {
    await expect(mask(renderMarkdown(mixedReport()))).toMatchFileSnapshot('__snapshots__/mixed.md');
    await expect(mask(renderMarkdown(seedLikeReport()))).toMatchFileSnapshot('__snapshots__/seed-like.md');
  });

  it('starts with totals, lists failing citations per post, collapses details', () => {
    const out = renderMarkdown(mixedReport());
    expect(out).toMatch(/4 errors · ⚠️ 4 warnings · ℹ️ 2 notes/);
    expect(out).toContain('| ❌ broken | 1 |');
    expect(out).toContain('| ❔ unchecked | 1 |');
    expect(out).toContain('### Budget | 2026 &lt;draft&gt;');
    expect(out).toContain('`LINK_BROKEN`');
    expect(out).toContain('<details><summary>');
    // Notes are collapsed, not in the main table.
    const notesAt = out.indexOf('<summary>2 notes</summary>');
    expect(notesAt).toBeGreaterThan(0);
    expect(out.indexOf('`CLAIM_UNCITED`')).toBeGreaterThan(notesAt);
  });

  it('shows the seed-like post lost its sources, with all 8 damaged anchors', () => {
    const out = renderMarkdown(seedLikeReport());
    expect(out).toContain('lost its sources');
    expect(out.match(/`ANCHOR_DAMAGED`/g)?.length).toBeGreaterThanOrEqual(8);
    expect(out).toContain('`INPUT_REPAIRED`');
  });

  it('keeps hostile text inside its table cell and inert', () => {
    const out = renderMarkdown(hostileReport());
    expect(out).not.toMatch(/<script|<img|<b>/i);
    // Every row of every table has as many cells as its header.
    let header = 0;
    for (const line of out.split('\n')) {
      if (!line.startsWith('|')) {
        header = 0;
        continue;
      }
      if (header === 0) header = cells(line);
      else expect(cells(line)).toBe(header);
    }
    expect(out).toContain('a \\| b c');
    expect(out).not.toContain('\u001b');
  });
});

describe('markdown formatter: size', () => {
  it('stays under the 1 MiB GitHub job summary limit for a large archive, saying what it left out', async () => {
    const { buildReport } = await import('../../src/report/build.js');
    const { STARTED_AT, block, citation, post, result } = await import('../fixtures/reports/builders.js');
    const results = new Map();
    const posts = Array.from({ length: 300 }, (_, p) =>
      post(
        `posts/post-${p}.json`,
        [
          block(0, {
            text: 'A claim. '.repeat(40),
            citations: Array.from({ length: 60 }, (_, c) => {
              const url = `https://gone.example.org/post-${p}/source-${c}`;
              results.set(url, result(url, 'broken'));
              return citation(url, { anchorText: `source ${c}` });
            }),
          }),
        ],
        { title: `Post ${p}` },
      ),
    );
    const out = renderMarkdown(buildReport({ posts, results, startedAt: STARTED_AT, durationMs: 1 }));
    expect(Buffer.byteLength(out)).toBeLessThan(1024 * 1024);
    expect(out).toMatch(/\d+ more posts with findings not shown/);
    expect(out).toContain('### Post 0');
  });

  it('caps the rows of one block at 100, saying how many more it holds', async () => {
    const { buildReport } = await import('../../src/report/build.js');
    const { STARTED_AT, block, damaged, post } = await import('../fixtures/reports/builders.js');
    const anchors = Array.from({ length: 2000 }, (_, i) => damaged(`word${i}`));
    const report = buildReport({
      posts: [post('orphans.html', [block(0, { damagedAnchors: anchors })], { title: 'Orphans' })],
      results: new Map(),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    const out = renderMarkdown(report);
    expect(out.match(/^\| ❌ damaged \|/gm)).toHaveLength(100);
    expect(out).toContain('… and 1900 more in this block');
    expect(out).toContain('### Orphans');
  });

  it('names a post too large for the summary, with its counts, rather than dropping it', async () => {
    const { buildReport } = await import('../../src/report/build.js');
    const { STARTED_AT, block, citation, post, result } = await import('../fixtures/reports/builders.js');
    const results = new Map();
    // 100 broken links with 12 KB addresses: the post's tables alone pass the 900 KB budget.
    const citations = Array.from({ length: 100 }, (_, c) => {
      const url = `https://gone.example.org/${String(c).padStart(3, '0')}/${'x'.repeat(12_000)}`;
      results.set(url, result(url, 'broken'));
      return citation(url, { anchorText: `source ${c}` });
    });
    const report = buildReport({
      posts: [post('big.json', [block(0, { citations })], { title: 'Big post' })],
      results,
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    const out = renderMarkdown(report);
    expect(Buffer.byteLength(out)).toBeLessThan(1024 * 1024);
    expect(out).toContain('### Big post');
    expect(out).toMatch(/\d+ errors, 0 warnings, \d+ notes?: too many to list here/);
    expect(out).not.toMatch(/more posts? with findings not shown/);
  });
});
