import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderJson, renderJsonChunks } from '../../src/formatters/json.js';
import type { Report } from '../../src/types.js';
import { hostileReport, mixedReport, seedLikeReport } from '../fixtures/reports/sample-reports.js';
import { mask } from './mask.js';

/** Rebuilds an object with its keys in reverse order, recursively. */
function shuffled<T>(value: T): T {
  if (Array.isArray(value)) return value.map(shuffled) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, shuffled(v)]),
  ) as T;
}

describe('json formatter', () => {
  it('round-trips the report with the contract paths', () => {
    const report = mixedReport();
    const parsed = JSON.parse(renderJson(report)) as Report;
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
    expect(parsed.schemaVersion).toBe(1);
    expect(Object.keys(parsed).slice(0, 4)).toEqual(['schemaVersion', 'tool', 'startedAt', 'durationMs']);
    expect(Object.keys(parsed.totals)).toEqual([
      'posts',
      'blocks',
      'claims',
      'citations',
      'uniqueUrls',
      'damagedAnchors',
      'byStatus',
      'findings',
    ]);
    expect(Object.keys(parsed.totals.byStatus)).toEqual([
      'broken',
      'unreachable',
      'soft-404',
      'timeout',
      'blocked',
      'ok',
      'excluded',
      'skipped',
      'unchecked',
    ]);
    expect(Object.keys(parsed.totals.findings)).toEqual(['error', 'warning', 'note']);
    const citation = parsed.posts[0].blocks[1].citations[0];
    expect(Object.keys(citation).slice(0, 7)).toEqual([
      'url',
      'anchorText',
      'sentence',
      'status',
      'httpStatus',
      'redirects',
      'rawHref',
    ]);
    expect(Object.keys(parsed.findings[0]).slice(0, 5)).toEqual(['code', 'severity', 'message', 'post', 'source']);
    expect(Object.keys(parsed.posts[0]).slice(0, 2)).toEqual(['source', 'kind']);
  });

  it('does not depend on how the report object was assembled', () => {
    const report = mixedReport();
    expect(renderJson(shuffled(report))).toBe(renderJson(report));
  });

  it('uses a 2-space indent and matches the snapshot of the seed-like post', async () => {
    const out = renderJson(seedLikeReport());
    expect(out.split('\n')[1]).toBe('  "schemaVersion": 1,');
    await expect(mask(out)).toMatchFileSnapshot('__snapshots__/seed-like.json');
    const parsed = JSON.parse(out) as Report;
    expect(parsed.findings.filter((f) => f.code === 'ANCHOR_DAMAGED')).toHaveLength(8);
    expect(parsed.posts[0].blocks[3].damagedAnchors.map((d) => d.anchorText)).toEqual([
      'express',
      'are',
      'considering',
      'is',
    ]);
  });

  it('streams: the chunks joined are the text, one chunk per post, nothing the size of the report', () => {
    const one = mixedReport();
    const report = { ...one, posts: [...one.posts, ...one.posts, ...one.posts], incomplete: 'reading stopped' };
    const chunks = [...renderJsonChunks(report)];
    const text = chunks.join('');
    expect(text).toBe(renderJson(report));
    // The layout is JSON.stringify's with a 2-space indent, keys in contract order.
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2));
    expect(chunks.length).toBeGreaterThanOrEqual(report.posts.length + 2);
    const longest = Math.max(...chunks.map((c) => c.length));
    expect(longest).toBeLessThan(text.length / 2);
    // Keys the contract does not list (here `incomplete`) come after the known ones.
    expect(Object.keys(JSON.parse(text) as object).at(-1)).toBe('incomplete');
  });

  it('writes empty posts and findings as [] like JSON.stringify', () => {
    const report = { ...mixedReport(), posts: [], findings: [] };
    const text = renderJson(report);
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2));
    expect(text).toContain('"posts": [],');
  });
});

describe('json formatter in pieces (a large report is written without holding it whole)', () => {
  it.each([
    ['mixed', mixedReport()],
    ['seed-like', seedLikeReport()],
    ['hostile', hostileReport()],
    ['no findings', { ...mixedReport(), findings: [] }],
    ['no posts', { ...mixedReport(), posts: [], findings: [] }],
    ['a post without blocks', { ...mixedReport(), posts: [{ ...mixedReport().posts[0], blocks: [] }], findings: [] }],
  ])('%s: exactly the 2-space JSON of the whole', (_name, report: Report) => {
    const pieces = [...renderJsonChunks(report)];
    const text = pieces.join('');
    expect(text).toBe(renderJson(report));
    // Re-indenting each piece left the layout JSON.stringify gives the whole, in the same key order.
    const parsed = JSON.parse(text) as Report;
    expect(text.replace(/#\\u0023/g, '##')).toBe(
      JSON.stringify(parsed, null, 2).replace(
        /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
        (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
    );
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
  });
});

describe('json formatter: the pieces of many blocks', () => {
  it('are pieces of whole blocks, a few thousand characters each, not one per block nor the whole', () => {
    const base = mixedReport();
    const post = base.posts[0];
    const blocks = Array.from({ length: 3000 }, (_, i) => ({ ...post.blocks[i % post.blocks.length], index: i }));
    const report = { ...base, posts: [{ ...post, blocks }] };
    const pieces = [...renderJsonChunks(report)];
    const text = pieces.join('');
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2));
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)));
    // Fewer pieces than blocks (a piece per block was a fifth of the render), many more than one.
    expect(pieces.length).toBeLessThan(blocks.length / 4);
    expect(pieces.length).toBeGreaterThan(20);
    const longestBlock = Math.max(...blocks.map((b) => JSON.stringify(b, null, 2).length));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(2 * 8192 + 4 * longestBlock);
    // Each piece of the blocks ends where a block ends: the next starts at the next block.
    const indent = ' '.repeat(8);
    const starts = pieces.filter((p) => p.startsWith(`,\n${indent}{`));
    expect(starts.length).toBeGreaterThan(10);
  });
});

describe('json formatter: a block heavier than a batch (issue 13: 70,000 damaged anchors in one paragraph)', () => {
  it('writes its citations and damaged anchors in batches, exactly the 2-space JSON of the whole', () => {
    const base = mixedReport();
    const post = base.posts[0];
    const block = post.blocks.find((b) => b.citations.length > 0) ?? post.blocks[0];
    const heavy = {
      ...block,
      citations: Array.from({ length: 700 }, (_, i) => ({ ...block.citations[0], anchorText: `source ${i}` })),
      damagedAnchors: Array.from({ length: 900 }, (_, i) => ({
        anchorText: `word ${i}`,
        // Long sentences every other anchor: their batches are written by the item writer.
        sentence: `word ${i} and the rest${i % 2 === 0 ? '' : ' of a long sentence,'.repeat(20)}`,
        reason: 'orphan-close-tag' as const,
      })),
    };
    // The heavy block between light ones, and as the first and the last block.
    for (const blocks of [
      [post.blocks[0], heavy, ...post.blocks],
      [heavy, ...post.blocks],
      [...post.blocks, heavy],
      [heavy],
    ]) {
      const report = { ...base, posts: [{ ...post, blocks }] };
      const pieces = [...renderJsonChunks(report)];
      const text = pieces.join('');
      expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2));
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(report)));
      // No piece holds the heavy block whole: a batch of its anchors at most.
      const heavyJson = JSON.stringify(heavy, null, 2).length;
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(heavyJson / 2);
    }
  });
});

describe('json formatter: items written without JSON.stringify(…, null, 2), byte for byte as it would', () => {
  /** The text of the report's last field `zz`, at indentation `indent`, ended by `end`, its lines moved to the left margin. */
  function valueText(text: string, indent: number, end: string): string {
    const open = `\n${' '.repeat(indent)}"zz": `;
    const from = text.indexOf(open);
    // Left out (undefined, a function, a symbol): both ways, or the comparison fails.
    if (from < 0) return '(left out)';
    const rest = text.slice(from + open.length);
    return rest.slice(0, rest.indexOf(end)).replace(new RegExp(`\n {${indent}}`, 'g'), '\n');
  }

  /**
   * The text of `value` as a field of a block of short and of long text (written by
   * JSON.stringify with an indent, and by the item writer) and as a field of the report (by
   * JSON.stringify, in the report's head).
   */
  function allWays(value: unknown): [string, string, string] {
    const base = mixedReport();
    const post = base.posts[0];
    const asBlockField = (text: string): string => {
      // A field no block has: the report is built as an untyped object.
      const block: Record<string, unknown> = { ...post.blocks[0], text, zz: value };
      return renderJson({ ...base, posts: [{ ...post, blocks: [block] }], findings: [] } as unknown as Report);
    };
    const asReportField: Record<string, unknown> = { ...base, findings: [], zz: value };
    const blockEnd = `\n${' '.repeat(8)}}\n`;
    return [
      valueText(asBlockField('short'), 10, blockEnd),
      valueText(asBlockField('long '.repeat(100)), 10, blockEnd),
      valueText(renderJson(asReportField as unknown as Report), 2, '\n}'),
    ];
  }

  it('writes any value as JSON.stringify of its canonical form does, guarded alike', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('##[add-mask]x', '::error::x', '\u202e\u2066…"\\\n\u0085', '\ud800 \udfff', '…##…'),
    );
    const value = fc.anything({
      key: fc.oneof(text, fc.constantFrom('10', '9', '0', '01', 'citations', 'sentence', 'url', '__proto__')),
      values: [text, fc.double(), fc.constantFrom(undefined, null, -0, () => 1, Symbol('s'))],
      withBoxedValues: true,
      withNullPrototype: true,
      withDate: true,
      withSparseArray: true,
      withMap: true,
      maxDepth: 3,
    });
    fc.assert(
      fc.property(value, (v) => {
        const [short, long, head] = allWays(v);
        expect(short).toBe(head);
        expect(long).toBe(head);
      }),
      { numRuns: 300 },
    );
  });

  it('orders keys as the sorted copy did: array indexes first, then known ones by rank, then code-unit order', () => {
    const [short, written, head] = allWays({ b: 1, 10: 'x', a: { url: 'u', sentence: 's', anchorText: 't' }, 9: 'y' });
    expect(short).toBe(head);
    expect(written).toBe(head);
    expect(written).toBe(
      '{\n  "9": "y",\n  "10": "x",\n  "a": {\n    "anchorText": "t",\n    "sentence": "s",\n    "url": "u"\n  },\n  "b": 1\n}',
    );
    const citations = allWays({ citations: [{ sentence: 's', url: 'u', zeta: 1, anchorText: 'a' }] });
    expect(citations[1]).toBe(citations[0]);
    expect(citations[1]).toBe(citations[2]);
    expect(citations[1]).toContain('"url": "u",\n      "anchorText": "a",\n      "sentence": "s",\n      "zeta": 1');
  });
});
