import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';

// Vendored from the spec's seeds/ folder so that every clone runs these tests.
const SEED = 'test/fixtures/seed/000_0bf8e4b995a91d7d.txt';

describe('the seed post', () => {
  const [post] = parseDocument(readFileSync(SEED), { source: SEED });
  const extracted = extractPost(post);

  it('recovers id, title, permalink and publish date from the damaged JSON', () => {
    expect(post.kind).toBe('wordpress');
    expect(extracted.id).toBe(2204924);
    expect(extracted.title).toBe('South Korea being considered as potential member of AUKUS second pillar');
    expect(extracted.url).toBe(
      'https://koreapro.org/2024/05/south-korea-being-considered-as-potential-member-of-aukus-second-pillar/',
    );
    expect(extracted.published).toBe('2024-05-01T23:00:46Z');
    expect(extracted.modified).toBe('2024-05-01T10:01:07Z');
  });

  it('warns that the input was repaired: the raw newline and the truncation', () => {
    expect(extracted.warnings.length).toBeGreaterThanOrEqual(2);
    expect(extracted.warnings.every((w) => w.code === 'INPUT_REPAIRED')).toBe(true);
    const repairs = extracted.warnings.map((w) => w.repair);
    expect(repairs).toContain('raw newline inside a string');
    expect(repairs.some((r) => r.startsWith('truncated input: closed 1 string, 2 objects'))).toBe(true);
    expect(extracted.warnings.find((w) => w.repair === 'raw newline inside a string')?.line).toBe(1);
  });

  it('finds 6 blocks, the heading at index 2, and no citations', () => {
    expect(extracted.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(extracted.blocks[2].text).toBe('Why It Matters');
    expect(extracted.blocks[2].isClaim).toBe(false);
    expect(extracted.blocks.flatMap((b) => b.citations)).toEqual([]);
  });

  it('records the 8 damaged anchors in order, 2/1/4/1 in blocks 0/1/3/5', () => {
    const anchors = extracted.blocks.flatMap((b) => b.damagedAnchors.map((d) => d.anchorText));
    expect(anchors).toEqual(['said', 'meeting', 'express', 'are', 'considering', 'is', 'encountering', 'specifies']);
    expect(extracted.blocks.map((b) => b.damagedAnchors.length)).toEqual([2, 1, 0, 4, 0, 1]);
    expect(extracted.blocks.flatMap((b) => b.damagedAnchors).every((d) => d.reason === 'orphan-close-tag')).toBe(true);
    for (const block of extracted.blocks) {
      for (const d of block.damagedAnchors) expect(block.text).toContain(d.sentence);
    }
  });

  it('marks the blocks with damaged anchors as claims with the citation signal', () => {
    for (const i of [0, 1, 3, 5]) {
      expect(extracted.blocks[i].isClaim).toBe(true);
      expect(extracted.blocks[i].signals[0]).toBe('citation');
    }
    expect(extracted.blocks[5].signals).toContain('quote');
    expect(extracted.blocks[1].signals).toContain('number');
  });

  it('places every block on the line where the post body starts', () => {
    expect(extracted.blocks.every((b) => b.line === 2)).toBe(true);
  });
});
