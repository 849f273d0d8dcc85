import { describe, expect, it } from 'vitest';
import { compactPost, ownString, StringTable } from '../../src/extract/compact.js';
import { extractPost } from '../../src/extract/index.js';
import { collectTargets } from '../../src/links/targets.js';
import { buildReport } from '../../src/report/build.js';
import { renderJson } from '../../src/formatters/json.js';
import type { ExtractedPost, Post } from '../../src/types.js';
import { result, STARTED_AT } from '../fixtures/reports/builders.js';

const BODY = [
  '<h2>What the council said</h2>',
  '<p>The council <a href="https://news.example.org/budget#table-2" rel="nofollow ugc">approved</a> a 4% rise,',
  'the minister <a href="https://gov.example.org/statement">said</a>. It was “late and over budget by far” said one.</p>',
  '<p>Residents <a href="https://news.example.org/budget">objected</a> and the mayor</a> left.</p>',
  '<p>Write to <a href="mailto:desk@example.org">the desk</a> or <a href="https://[bad">here</a>.</p>',
  '<p>Prices rose 12% this year in the city.</p>',
].join('\n');

function extracted(n: number): ExtractedPost {
  const post: Post = {
    source: 'export.xml',
    kind: 'wordpress',
    id: `p-${n}-with-a-long-string-id`,
    title: `Budget story number ${n}, with a title`,
    url: `https://blog.example.com/2024/budget-${n}/`,
    published: '2024-01-02T03:04:05Z',
    body: BODY,
    bodyFormat: 'html',
    warnings: [{ code: 'INPUT_REPAIRED', repair: 'a raw newline inside a string', where: 'line 1, column 513' }],
  };
  return extractPost(post);
}

describe('compactPost: what a run keeps of an extracted post', () => {
  it('keeps the same data: deep-equal to the extraction', () => {
    const original = extracted(1);
    const compact = compactPost(extracted(1), new StringTable());
    expect(compact).toEqual(original);
    // The fixture exercises every kind of field: fragments, rel, invalid and mailto links, damaged anchors.
    const citations = compact.blocks.flatMap((b) => b.citations);
    expect(citations.map((c) => c.fragment ?? c.invalid ?? c.checkUrl)).toContain('table-2');
    expect(citations.some((c) => c.invalid !== undefined)).toBe(true);
    expect(compact.blocks.some((b) => b.damagedAnchors.length > 0)).toBe(true);
  });

  it('gives the same report, verdicts and findings as the uncompacted posts', () => {
    const urls = new StringTable();
    const raw = [extracted(1), extracted(2)];
    const compact = [compactPost(extracted(1), urls), compactPost(extracted(2), urls)];
    const checks = new Map(
      collectTargets(raw).map((t, i) => [t.url, result(t.url, i === 0 ? 'broken' : 'ok')] as const),
    );
    const build = (posts: ExtractedPost[]) =>
      renderJson(buildReport({ posts, results: checks, startedAt: STARTED_AT, durationMs: 1 }));
    expect(build(compact)).toBe(build(raw));
  });

  it('shares the short lists between posts, frozen so no stage can change them for all', () => {
    const urls = new StringTable();
    const a = compactPost(extracted(1), urls);
    const b = compactPost(extracted(2), urls);
    const signals = a.blocks.map((bl) => bl.signals);
    expect(signals.every((s) => Object.isFrozen(s))).toBe(true);
    expect(a.blocks[1].signals).toBe(b.blocks[1].signals);
    expect(() => (a.blocks[0].citations as unknown[]).push(1)).toThrow(TypeError);
  });

  it("shares a claim's evidence between the blocks and posts that have the same, frozen", () => {
    const urls = new StringTable();
    const [a, b] = [compactPost(extracted(1), urls), compactPost(extracted(2), urls)];
    const evidence = (post: ExtractedPost) => post.blocks.flatMap((bl) => bl.evidence ?? []);
    expect(evidence(a).length).toBeGreaterThan(0);
    expect(evidence(a)).toEqual(evidence(extracted(1)));
    evidence(a).forEach((e, i) => expect(evidence(b)[i]).toBe(e));
    expect(evidence(a).every((e) => Object.isFrozen(e))).toBe(true);
  });

  it('sentences stay inside their block text', () => {
    const post = compactPost(extracted(3), new StringTable());
    for (const block of post.blocks)
      for (const c of block.citations) expect(block.text.includes(c.sentence)).toBe(true);
  });
});

describe('ownString', () => {
  it('returns the same text, whatever its characters', () => {
    for (const text of [
      'short',
      'a plain ASCII sentence here',
      'café déjà vu, naïve façade',
      'emoji 🦆 and 中文 text',
      '\ud800 lone surrogate here',
    ])
      expect(ownString(text.slice(1))).toBe(text.slice(1));
  });
});
