import { describe, expect, it } from 'vitest';
import { extractPost, extractStaged } from '../../src/extract/index.js';
import type { Post } from '../../src/types.js';

// What a long post holds through its claim analysis (issue 13: peak memory within a small
// multiple of the input): lists and evidence alike in many blocks are one object, not one each.
const BODY = [
  '# Report',
  '',
  'The minister said 4% of [the figures](https://data.example.gov/a) were revised.',
  '',
  'The minister said 4% of [the figures](https://data.example.gov/b) were revised.',
  '',
  '- a list item',
  '- another list item',
  '',
].join('\n');

const post = (): Post => ({ source: 'post.md', kind: 'markdown', body: BODY, bodyFormat: 'markdown', warnings: [] });

describe('extraction shares what blocks have alike', () => {
  it('blocks with no link share one empty list of citations, and blocks with the same signals one list', () => {
    const { blocks } = extractPost(post());
    const [heading, first, second, item, other] = blocks;
    expect(heading.citations).toEqual([]);
    expect(item.citations).toBe(heading.citations);
    expect(other.citations).toBe(heading.citations);
    expect(first.signals).toEqual(second.signals);
    expect(second.signals).toBe(first.signals);
    expect(Object.isFrozen(first.signals)).toBe(true);
  });

  it('the same evidence in two blocks is one object', () => {
    const { blocks } = extractPost(post());
    const [, first, second] = blocks;
    expect(first.evidence?.length).toBeGreaterThan(0);
    expect(second.evidence).toEqual(first.evidence);
    for (let i = 0; i < first.evidence!.length; i++) expect(second.evidence![i]).toBe(first.evidence![i]);
  });

  it('a post handed over lets go of its body once walked; the extraction is the same', () => {
    const given = post();
    const staged = extractStaged(given, {}, true);
    expect(given.body).toBe('');
    while (!staged.claims.next().done);
    expect(staged.post).toEqual(extractPost(post()));
  });
});
