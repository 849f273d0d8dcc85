import { extractPost } from '../../src/extract/index.js';
import { claimSignals } from '../../src/extract/signals.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ClaimSignal, ExtractedPost } from '../../src/types.js';

/** A Markdown post of the given paragraphs, extracted. */
export function markdownPost(...paragraphs: string[]): ExtractedPost {
  return extractPost(parseDocument(`${paragraphs.join('\n\n')}\n`, { source: 'story.md' })[0]);
}

/** Indices of the blocks an offline report of `p` flags CLAIM_UNCITED. */
export const uncited = (p: ExtractedPost): Array<number | undefined> =>
  buildReport({ posts: [p], results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true })
    .findings.filter((f) => f.code === 'CLAIM_UNCITED')
    .map((f) => f.block);

/** The words claimSignals took as evidence of `signal` in `text`, in order. */
const evidenceOf = (signal: ClaimSignal, text: string): string[] =>
  claimSignals(text)
    .evidence.filter((e) => e.signal === signal)
    .map((e) => e.text);

/** The attribution evidence of a paragraph's text. */
export const attributionsOf = (text: string): string[] => evidenceOf('attribution', text);

/** The figure evidence of a paragraph's text. */
export const figuresOf = (text: string): string[] => evidenceOf('number', text);
