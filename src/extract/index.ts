import { load } from 'cheerio';
import { normalizeUrl } from './normalize-url.js';
import { lineIndex } from '../sources/line-index.js';
import { MARKDOWN_BROKEN_ATTR } from '../sources/markdown-broken-links.js';
import { MARKDOWN_LINE_ATTR, renderMarkdown } from '../sources/markdown-render.js';
import type { Block, Citation, ClaimSignal, DamagedAnchor, ExtractedPost, Post } from '../types.js';
import type { RawBlock, RawLink } from './block-builder.js';
import type { DomNode } from './dom.js';
import { markOrphanTags } from './prepare-html.js';
import { quotesForCitation } from './quotes.js';
import { sentenceAt, sentenceRanges } from './sentences.js';
import { stripShortcodes } from './shortcodes.js';
import { textSignals } from './signals.js';
import { BlockWalker } from './walk-blocks.js';

/** Options of extraction. */
export interface ExtractOptions {
  /** Also record img/iframe sources as citations (--include-media). */
  includeMedia?: boolean;
}

/** Host name without a leading "www.", for telling internal links from outbound ones. */
function siteHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** A citation from a raw link: normalised, classified, with its sentence. */
function toCitation(
  link: RawLink,
  text: string,
  ranges: Array<[number, number]>,
  base: string | undefined,
  host: string | undefined,
): Citation {
  // A link the source format itself refused (see RawLink.invalid) is invalid whatever its URL.
  const normalized = link.invalid !== undefined ? { invalid: link.invalid } : normalizeUrl(link.href, base);
  const sentence = sentenceAt(text, link.start, ranges);
  const common = { rawHref: link.href, anchorText: link.anchorText, sentence, rel: link.rel, origin: link.origin };
  if ('invalid' in normalized) {
    return { url: link.href, ...common, invalid: normalized.invalid, isInternal: false };
  }
  const fragmentOnly = link.href.trim().startsWith('#');
  const relative = normalized.scheme === '';
  let isInternal = fragmentOnly || relative;
  if (!isInternal && host && (normalized.scheme === 'http' || normalized.scheme === 'https')) {
    isInternal = siteHost(normalized.url) === host;
  }
  const citation: Citation = { url: normalized.url, ...common, isInternal };
  if (normalized.checkUrl !== '') citation.checkUrl = normalized.checkUrl;
  if (normalized.fragment !== undefined) citation.fragment = normalized.fragment;
  const quotes = quotesForCitation({ text }, { sentence });
  if (quotes.length > 0) citation.quotes = quotes;
  return citation;
}

/** The finished block: citations normalised, sentences found, signals computed. */
function toBlock(
  raw: RawBlock,
  index: number,
  base: string | undefined,
  host: string | undefined,
  line: number | undefined,
): Block {
  const ranges = raw.links.length + raw.damaged.length > 0 ? sentenceRanges(raw.text) : [];
  const citations = raw.links.map((link) => toCitation(link, raw.text, ranges, base, host));
  const damagedAnchors: DamagedAnchor[] = raw.damaged.map((d) => ({
    anchorText: d.anchorText,
    sentence: sentenceAt(raw.text, d.offset, ranges),
    reason: d.reason,
  }));
  const signals: ClaimSignal[] = [];
  if (damagedAnchors.length > 0 || citations.some((c) => c.origin !== 'img' && c.origin !== 'iframe'))
    signals.push('citation');
  signals.push(...textSignals(raw.text, raw.footnoteMarks));
  const block: Block = {
    index,
    kind: raw.kind,
    text: raw.text,
    isClaim: raw.kind !== 'heading' && signals.length > 0,
    signals,
    citations,
    damagedAnchors,
  };
  if (line !== undefined) block.line = line;
  return block;
}

/**
 * Extracts a post's blocks in reading order, with their citations, damaged anchors and claim
 * signals. Pure: no I/O. Markdown bodies are rendered first (code spans/blocks hold no
 * citations); HTML is scanned for orphan closing tags before parsing (see prepare-html.ts).
 */
export function extractPost(post: Post, opts: ExtractOptions = {}): ExtractedPost {
  const isMarkdown = post.bodyFormat === 'markdown';
  const source = isMarkdown
    ? renderMarkdown(post.body)
    : post.kind === 'wordpress'
      ? stripShortcodes(post.body)
      : post.body;
  const html = markOrphanTags(source);
  // Lines inside a JSON string are not lines of the file: WordPress blocks take the body's line.
  const useLocations = !isMarkdown && post.kind !== 'wordpress';
  // htmlparser2 rather than parse5: 2–3× faster, and the spec-exact tree repairs of parse5 buy
  // nothing here since orphan tags are handled before parsing (prepare-html.ts).
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true, withStartIndices: useLocations } }, false);
  const walker = new BlockWalker({
    includeMedia: opts.includeMedia ?? false,
    lineOf: useLocations ? lineIndex(html).line : undefined,
    lineAttr: isMarkdown ? MARKDOWN_LINE_ATTR : undefined,
    brokenAttr: isMarkdown ? MARKDOWN_BROKEN_ATTR : undefined,
  });
  const rawBlocks = walker.walkBody(($.root()[0] as unknown as DomNode).children ?? []);

  const base = post.baseUrl ?? post.url;
  const host = siteHost(post.url ?? post.baseUrl);
  const bodyLine = post.bodyLine ?? (post.kind === 'wordpress' ? undefined : 1);
  const blocks = rawBlocks.map((raw, index) => {
    let line: number | undefined;
    if (post.kind === 'wordpress') line = post.bodyLine;
    else if (raw.line !== undefined && bodyLine !== undefined) line = bodyLine + raw.line - (isMarkdown ? 0 : 1);
    else line = bodyLine;
    return toBlock(raw, index, base, host, line);
  });

  const { body: _body, bodyFormat: _format, bodyLine: _line, ...rest } = post;
  return { ...rest, blocks };
}
