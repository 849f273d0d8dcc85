import { extractPost } from '../../src/extract/index.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost } from '../../src/types.js';

/** A Markdown post of the given paragraphs, extracted. */
export function markdownPost(...paragraphs: string[]): ExtractedPost {
  return extractPost(parseDocument(`${paragraphs.join('\n\n')}\n`, { source: 'story.md' })[0]);
}

/** Indices of the blocks an offline report of `p` flags CLAIM_UNCITED. */
export const uncited = (p: ExtractedPost): Array<number | undefined> =>
  buildReport({ posts: [p], results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true })
    .findings.filter((f) => f.code === 'CLAIM_UNCITED')
    .map((f) => f.block);
