import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { textSignals } from '../../src/extract/signals.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost, Post } from '../../src/types.js';

function html(body: string): ExtractedPost {
  const post: Post = { source: 'page.html', kind: 'html', body, bodyFormat: 'html', warnings: [] };
  return extractPost(post);
}

function findingCodes(post: ExtractedPost): string[] {
  return buildReport({
    posts: [post],
    results: new Map(),
    startedAt: new Date(0),
    durationMs: 0,
    offline: true,
  }).findings.map((f) => f.code);
}

describe('footnote marks are not figures', () => {
  it.each([
    ['Shipments resumed in the spring.[^1]', []],
    ['Crates left the dock[^note-2] on time.', []],
    ['Some 40 crates left the dock.[^3]', ['number']],
  ])('%s → %j', (text, signals) => {
    expect(textSignals(text)).toEqual(signals);
  });

  it('raises no CLAIM_UNCITED for a Markdown sentence whose only digit is its footnote mark', () => {
    const [post] = parseDocument('Shipments resumed in the spring.[^1]\n\n[^1]: Harbour bulletin, spring issue.\n', {
      source: 'post.md',
    });
    const extracted = extractPost(post);
    // The mark is rendered as "[1]" and the note credits the sentence: it cites, by footnote.
    expect(extracted.blocks[0]).toMatchObject({
      text: 'Shipments resumed in the spring.[1]',
      signals: ['citation'],
      credits: [{ via: 'footnote', block: 1 }],
    });
    expect(extracted.blocks[1]).toMatchObject({ kind: 'footnote', isClaim: false });
    expect(findingCodes(extracted)).toEqual([]);
  });

  it('takes <sup> footnote refs for marks, not figures, and raises no CLAIM_UNCITED for them', () => {
    const post = html(
      '<p>Shipments resumed in the spring.<sup>1</sup></p><p>Crates left the dock <sup class="ref">[12]</sup> on time.</p>',
    );
    expect(post.blocks.map((b) => [b.text, b.signals])).toEqual([
      ['Shipments resumed in the spring.1', []],
      ['Crates left the dock [12] on time.', []],
    ]);
    expect(findingCodes(post)).toEqual([]);
  });

  it('still counts real figures beside a <sup> mark, and an exponent after a digit', () => {
    const post = html(
      '<p>Some 40 crates left.<sup>2</sup></p><p>It holds 10<sup>6</sup> litres.</p><p>Its area grew.<sup>1,500</sup></p>',
    );
    expect(post.blocks.map((b) => b.signals)).toEqual([['number'], ['number'], ['number']]);
  });
});
