import type { Block, Citation, ExtractedPost } from '../../src/types.js';

// A post reduced to what target collection and the plan read: claim paragraphs holding citations.

/** A citation checking `checkUrl` (undefined: a link with nothing to check), with `extra` over it. */
export function citation(checkUrl: string | undefined, extra: Partial<Citation> = {}): Citation {
  return {
    url: checkUrl ?? 'x',
    rawHref: checkUrl ?? 'x',
    checkUrl,
    anchorText: 'a',
    sentence: 's',
    rel: [],
    isInternal: false,
    origin: 'a',
    ...extra,
  };
}

/** A WordPress post of one claim paragraph per list of citations. */
export function post(...citations: Citation[][]): ExtractedPost {
  const blocks: Block[] = citations.map((c, index) => ({
    index,
    kind: 'paragraph',
    text: '',
    isClaim: true,
    signals: ['citation'],
    citations: c,
    damagedAnchors: [],
  }));
  return { source: 'p.json', kind: 'wordpress', warnings: [], blocks };
}
