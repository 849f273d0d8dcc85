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

/**
 * A news page's head as a saved page keeps it: its title and canonical link, and with `site` its
 * og:site_name and a JSON-LD publisher of that name.
 */
export const newsHead = (title: string, canonical: string, site?: string): string =>
  `<title>${title}</title><link rel="canonical" href="${canonical}">${
    site === undefined
      ? ''
      : `<meta property="og:site_name" content="${site}"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","publisher":{"@type":"NewsMediaOrganization","name":"${site}"}}</script>`
  }`;

/** An HTML news page of the given head and paragraphs (one `<p>` each in its `<article>`), extracted. */
export const newsStory = (head: string, ...paragraphs: string[]): ExtractedPost =>
  extractPost(
    parseDocument(
      `<!doctype html><html><head><meta charset="utf-8">${head}</head><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
      { source: 'story.html' },
    )[0],
  );

/** The firsthand words of each block of a post (undefined for a block not firsthand). */
export const firsthandWords = (p: ExtractedPost): Array<string[] | undefined> =>
  p.blocks.map((b) => b.firsthand?.words);
