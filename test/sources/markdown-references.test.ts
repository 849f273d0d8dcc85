import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost } from '../../src/types.js';

function md(text: string): ExtractedPost {
  const [post] = parseDocument(text, { source: 'post.md' });
  return extractPost(post);
}

function findings(post: ExtractedPost) {
  return buildReport({ posts: [post], results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true })
    .findings;
}

describe('Markdown reference links whose definition is missing', () => {
  it('records a full reference [text][label] with no definition as a damaged anchor, text without brackets', () => {
    const post = md('The council [confirmed][lost-note] that 14 bridges closed.\n');
    const [block] = post.blocks;
    expect(block.text).toBe('The council confirmed that 14 bridges closed.');
    expect(block.citations).toEqual([]);
    expect(block.damagedAnchors).toEqual([
      {
        anchorText: 'confirmed',
        sentence: 'The council confirmed that 14 bridges closed.',
        reason: 'undefined-reference',
        line: 1,
      },
    ]);
    const found = findings(post);
    expect(found.map((f) => [f.code, f.severity])).toEqual([['ANCHOR_DAMAGED', 'error']]);
    expect(found[0].message).toContain('"confirmed"');
    expect(found[0].message).toContain('reference');
  });

  it('records a collapsed reference [text][] with no definition, beside defined ones that stay links', () => {
    const text =
      'Auditors [warned][] and [the audit][a1] and [the memo][] agree.\n\n[a1]: https://audit.example.org/1\n[the memo]: https://memo.example.org/\n';
    const [block] = md(text).blocks;
    expect(block.text).toBe('Auditors warned and the audit and the memo agree.');
    expect(block.damagedAnchors.map((d) => [d.anchorText, d.reason])).toEqual([['warned', 'undefined-reference']]);
    expect(block.citations.map((c) => c.url)).toEqual(['https://audit.example.org/1', 'https://memo.example.org/']);
  });

  it('keeps inline formatting of the anchor text', () => {
    const [block] = md('She [*denied* it][gone] twice.\n').blocks;
    expect(block.damagedAnchors.map((d) => d.anchorText)).toEqual(['denied it']);
  });

  it('flags nothing in code spans, code blocks, shortcut brackets, checkboxes or footnotes', () => {
    const text = [
      'Write `[label][ref]` in templates; [sic] and [draft] stay text.',
      '',
      '- [ ] open task',
      '- [x] done task',
      '',
      'A claim.[^1][^2]',
      '',
      '```',
      'the [code][block] example',
      '```',
      '',
      '    indented [code][block]',
      '',
    ].join('\n');
    const post = md(text);
    expect(post.blocks.flatMap((b) => b.damagedAnchors)).toEqual([]);
    expect(post.blocks[0].text).toBe('Write [label][ref] in templates; [sic] and [draft] stay text.');
  });
});
