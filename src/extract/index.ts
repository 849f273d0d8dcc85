import { normalizeUrl } from './normalize-url.js';
import { lineIndex } from '../sources/line-index.js';
import { MARKDOWN_BROKEN_ATTR } from '../sources/markdown-broken-links.js';
import { MARKDOWN_LINE_ATTR, renderMarkdown } from '../sources/markdown-render.js';
import { capNesting, MAX_NESTING } from '../sources/html-nesting.js';
import { parseHtmlTree } from '../sources/html-tree.js';
import { deepNesting } from '../sources/warnings.js';
import type { Block, Citation, ClaimSignal, DamagedAnchor, ExtractedPost, Post } from '../types.js';
import type { RawBlock, RawLink } from './block-builder.js';
import { markOrphanTags } from './prepare-html.js';
import { quotesForCitation } from './quotes.js';
import { sentenceAt, sentenceRanges } from './sentences.js';
import { stripShortcodes } from './shortcodes.js';
import { creditSources, NOT_CLAIMS } from './credits.js';
import { urlParts, urlRole } from './link-roles.js';
import { textSignals } from './signals.js';
import { BlockWalker } from './walk-blocks.js';

/** Options of extraction. */
export interface ExtractOptions {
  /** Also record img/iframe sources as citations (--include-media). */
  includeMedia?: boolean;
  /** Regexes of URLs that count as sources whatever they look like (--count-as-source). */
  countAsSource?: readonly RegExp[];
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

/** What telling sources from other links needs to know about the post. */
interface PostLinks {
  /** Base URL of relative links. */
  base: string | undefined;
  /** The post's site (host without "www."). */
  host: string | undefined;
  /** The post's own URL without fragment: a link to it is navigation. */
  self: string | undefined;
  /** --count-as-source patterns. */
  countAsSource: RegExp[];
}

/**
 * The role of a link that is not a source (link-roles.ts): from the markup, else from its URL;
 * none when --count-as-source names it.
 */
function assignRole(citation: Citation, link: RawLink, post: PostLinks): void {
  let role = link.role;
  if (role === undefined && citation.invalid === undefined) {
    const url = citation.checkUrl !== undefined ? urlParts(citation.url) : undefined;
    role = urlRole(link.href, url, citation.isInternal);
    if (
      role === undefined &&
      post.self !== undefined &&
      citation.fragment === undefined &&
      citation.checkUrl === post.self
    )
      role = 'navigation';
  }
  if (role === undefined) return;
  if (post.countAsSource.some((re) => re.test(citation.url) || re.test(link.href))) return;
  citation.role = role;
}

/** The finished block: citations normalised, sentences found, signals computed. */
function toBlock(raw: RawBlock, index: number, post: PostLinks, line: number | undefined): Block {
  const { base, host } = post;
  const ranges = raw.links.length + raw.damaged.length > 0 ? sentenceRanges(raw.text) : [];
  const citations = raw.links.map((link) => {
    const citation = toCitation(link, raw.text, ranges, base, host);
    assignRole(citation, link, post);
    return citation;
  });
  const damagedAnchors: DamagedAnchor[] = raw.damaged.map((d) => ({
    anchorText: d.anchorText,
    sentence: sentenceAt(raw.text, d.offset, ranges),
    reason: d.reason,
  }));
  const signals: ClaimSignal[] = [];
  // A tag, share or navigation link makes no claim look cited (nor an image's own source).
  if (
    damagedAnchors.length > 0 ||
    citations.some((c) => c.role === undefined && c.origin !== 'img' && c.origin !== 'iframe')
  )
    signals.push('citation');
  const fromText = textSignals(raw.text, raw.footnoteMarks);
  // A blockquote or an inline <q> quotes someone, with or without quotation marks.
  if ((raw.kind === 'blockquote' || raw.hasQuote === true) && !fromText.includes('quote')) fromText.unshift('quote');
  signals.push(...fromText);
  const block: Block = {
    index,
    kind: raw.kind,
    text: raw.text,
    isClaim: !NOT_CLAIMS.has(raw.kind) && signals.length > 0,
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
  // Bounded nesting before any parser runs (html-nesting.ts); a page was capped when read.
  const nesting = capNesting(source);
  const html = markOrphanTags(nesting.html);
  // Lines inside a JSON string are not lines of the file: WordPress blocks take the body's line.
  const useLocations = !isMarkdown && post.kind !== 'wordpress';
  // htmlparser2 rather than parse5: 2–3× faster, and the spec-exact tree repairs of parse5 buy
  // nothing here since orphan tags are handled before parsing (prepare-html.ts).
  const root = parseHtmlTree(html, { indices: useLocations });
  const walker = new BlockWalker({
    includeMedia: opts.includeMedia ?? false,
    lineOf: useLocations ? lineIndex(html).line : undefined,
    lineAttr: isMarkdown ? MARKDOWN_LINE_ATTR : undefined,
    brokenAttr: isMarkdown ? MARKDOWN_BROKEN_ATTR : undefined,
  });
  const rawBlocks = walker.walkBody(root.children ?? []);

  const base = post.baseUrl ?? post.url;
  const host = siteHost(post.url ?? post.baseUrl);
  const self = post.url !== undefined ? normalizeUrl(post.url, undefined) : undefined;
  const links: PostLinks = {
    base,
    host,
    self: self !== undefined && !('invalid' in self) && self.checkUrl !== '' ? self.checkUrl : undefined,
    countAsSource: [...(opts.countAsSource ?? [])],
  };
  const bodyLine = post.bodyLine ?? (post.kind === 'wordpress' ? undefined : 1);
  const blocks = rawBlocks.map((raw, index) => {
    let line: number | undefined;
    if (post.kind === 'wordpress') line = post.bodyLine;
    else if (raw.line !== undefined && bodyLine !== undefined) line = bodyLine + raw.line - (isMarkdown ? 0 : 1);
    else line = bodyLine;
    return toBlock(raw, index, links, line);
  });
  creditSources(blocks, rawBlocks);

  const { body: _body, bodyFormat: _format, bodyLine: _line, ...rest } = post;
  if (nesting.dropped > 0) rest.warnings = [...rest.warnings, deepNesting(nesting.dropped, MAX_NESTING)];
  return { ...rest, blocks };
}
