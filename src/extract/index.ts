import type { ClaimRules } from '../config/claim-config.js';
import type { CitecheckOptions } from '../config/options.js';
import { normalizeUrl } from './normalize-url.js';
import { lineIndex } from '../sources/line-index.js';
import { MARKDOWN_BROKEN_ATTR } from './markdown-broken-links.js';
import { MARKDOWN_LINE_ATTR, renderMarkdown, type MarkdownFound } from './markdown-render.js';
import { MARKDOWN_MAX_NESTING } from './markdown-nesting.js';
import { capNesting, isNestingCapped, MAX_NESTING } from '../sources/html-nesting.js';
import { parseHtmlTree } from '../sources/html-tree.js';
import { linkHost } from '../sources/own-site.js';
import { deepMarkdown, deepNesting } from '../sources/warnings.js';
import type { Block, Citation, ClaimEvidence, ClaimSignal, DamagedAnchor, ExtractedPost, Post } from '../types.js';
import type { ClaimHints, RawBlock, RawLink } from './block-builder.js';
import { markOrphanTags } from './prepare-html.js';
import { quotesForCitation } from './quotes.js';
import { sentenceAt, sentenceIndex, sentenceRanges } from './sentences.js';
import { stripShortcodes } from './shortcodes.js';
import { creditSources, NOT_CLAIMS } from './credits.js';
import { outletOf, settleFirsthand, type Outlet } from './firsthand.js';
import { isCreditedHub, isCrossReference, urlParts, urlRole } from './link-roles.js';
import { isEntityLink } from './entity-links.js';
import { claimSignals, quoteEvidence } from './signals.js';
import { settleExampleQuotes, settleLayBeliefs, settleSpeech } from './speech.js';
import { tellsOwnResearch } from './research-subjects.js';
import { addStatementSignals, postVoice } from './statements.js';
import { addDatedFacts } from './dated-facts.js';
import { resolveTemplateLink } from './template-links.js';
import { ignoreList, readIgnoreMarkers, stripIgnoreMarkers, type IgnoredUrl } from './ignore-markers.js';
import { BlockWalker } from './walk-blocks.js';
import { settleCitation, sharedList, StringTable } from './compact.js';
import { pairArchivedCopies } from './archived-copies.js';

/** Options of extraction. */
export interface ExtractOptions {
  /** Also record img/iframe sources as citations (--include-media). */
  includeMedia?: boolean;
  /** Regexes of URLs that count as sources whatever they look like (--count-as-source). */
  countAsSource?: readonly RegExp[];
  /** Bare URLs in Markdown table cells are links too (--linkify). */
  linkify?: boolean;
  /** URLs the config says to ignore (compiled `ignore` list). */
  ignoredUrl?: IgnoredUrl;
  /**
   * --include patterns: a link whose URL one matches is checked even on a line a marker comment
   * ignores, or when the config's `ignore` list names it. As lychee's --include "has preference
   * over all excludes" (a .lycheeignore too): the command line names what to check, and a post's
   * own comments (text from the pull request under review) cannot hide a link from it.
   */
  included?: readonly RegExp[];
  /** The user's additions to the claim-signal rules (compiled config `claims`). */
  claimRules?: ClaimRules;
}

/** Compiled once per run's options: run.ts asks for them once per post. */
const compiled = new WeakMap<object, ExtractOptions>();

/** The extraction options of a run. */
export function extractOptions(
  options: Pick<CitecheckOptions, 'includeMedia' | 'countAsSource' | 'linkify' | 'ignore' | 'claims' | 'include'>,
): ExtractOptions {
  let opts = compiled.get(options);
  if (opts === undefined) {
    opts = {
      includeMedia: options.includeMedia,
      countAsSource: options.countAsSource,
      linkify: options.linkify,
      claimRules: options.claims,
      included: options.include,
    };
    if (options.ignore.length > 0) {
      opts.ignoredUrl = ignoreList(options.ignore, (url) => {
        const n = normalizeUrl(url);
        return 'url' in n ? n.url : undefined;
      });
    }
    compiled.set(options, opts);
  }
  return opts;
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

/**
 * siteHost of a normalised http(s) URL, parsed once per authority: a page cites the same few
 * hosts again and again, and a URL parse per link was ~1% of the time before the first request.
 * The host name of a serialised http(s) URL depends on its authority alone.
 */
function hostOfLink(url: string, hosts: Map<string, string | undefined>): string | undefined {
  const start = url.indexOf('//') + 2;
  let end = start;
  while (end < url.length && url[end] !== '/' && url[end] !== '?' && url[end] !== '#') end++;
  const authority = url.slice(start, end);
  if (hosts.has(authority)) return hosts.get(authority);
  const host = siteHost(url);
  hosts.set(authority, host);
  return host;
}

/** True for an absolute href to one of the post's own hosts (its URL's, Post.siteHosts), by its host alone. */
function ownLinkOf(post: Post): (href: string) => boolean {
  const own = new Set(post.siteHosts);
  const host = siteHost(post.url ?? post.baseUrl);
  if (host !== undefined) own.add(host);
  return (href) => {
    const linked = linkHost(href);
    return linked !== undefined && own.has(linked);
  };
}

/** Start of the sentence range holding `offset` (0 when unknown). */
function sentenceStart(ranges: Array<[number, number]>, offset: number): number {
  return ranges[sentenceIndex(ranges, offset)]?.[0] ?? 0;
}

/** True when an --include pattern matches the URL a link is checked by (as links/filter.ts tests it). */
const isIncluded = (checkUrl: string | undefined, included: readonly RegExp[]): boolean =>
  checkUrl !== undefined && included.some((pattern) => pattern.test(checkUrl));

/** A citation from a raw link: normalised, classified, located, with its sentence. */
function toCitation(
  link: RawLink,
  text: string,
  ranges: Array<[number, number]>,
  ctx: PostLinks,
  rawLine?: number,
): Citation {
  const citation = citationOf(link, text, ranges, ctx);
  const line = ctx.fileLine(link.line ?? rawLine);
  if (line !== undefined) citation.line = line;
  // Ignored by a marker comment or the config: reported excluded, never requested.
  const ignored = ctx.ignoredAt(link.line ?? rawLine) ?? ctx.ignoredUrl?.(citation.url, citation.checkUrl);
  if (ignored !== undefined && !isIncluded(citation.checkUrl, ctx.included)) citation.ignored = ignored;
  if (link.versionUrl !== undefined && citation.checkUrl !== undefined) {
    const copy = normalizeUrl(link.versionUrl, ctx.base);
    if ('url' in copy && (copy.scheme === 'http' || copy.scheme === 'https')) citation.archivedCopy = copy.url;
  }
  return citation;
}

/** The citation of a raw link, before its line is known. */
function citationOf(link: RawLink, text: string, ranges: Array<[number, number]>, ctx: PostLinks): Citation {
  const { base, host, site } = ctx;
  const sentence = sentenceAt(text, link.start, ranges);
  const common = { rawHref: link.href, anchorText: link.anchorText, sentence, rel: link.rel, origin: link.origin };
  // A site-generator template in the target ({{ site.baseurl }}/x): a link to the site itself.
  const template = link.invalid === undefined ? resolveTemplateLink(link.href, site) : undefined;
  if (template !== undefined && 'unresolved' in template) {
    return { url: link.href, ...common, unresolved: template.unresolved, isInternal: true };
  }
  // A link the source format itself refused (see RawLink.invalid) is invalid whatever its URL.
  const normalized =
    link.invalid !== undefined ? { invalid: link.invalid } : normalizeUrl(template?.url ?? link.href, base);
  if ('invalid' in normalized) {
    return { url: link.href, ...common, invalid: normalized.invalid, isInternal: false };
  }
  const fragmentOnly = link.href.trim().startsWith('#');
  const relative = normalized.scheme === '';
  let isInternal = fragmentOnly || relative || template !== undefined;
  if (!isInternal && (host || ctx.siteHosts) && (normalized.scheme === 'http' || normalized.scheme === 'https')) {
    const linked = hostOfLink(normalized.url, ctx.hosts);
    isInternal = linked === host || (linked !== undefined && ctx.siteHosts?.has(linked) === true);
  }
  const citation: Citation = { url: normalized.url, ...common, isInternal };
  if (normalized.checkUrl !== '') citation.checkUrl = normalized.checkUrl;
  if (normalized.fragment !== undefined) citation.fragment = normalized.fragment;
  const quotes = quotesForCitation({ text }, { sentence }, sentenceStart(ranges, link.start));
  if (quotes.length > 0) citation.quotes = quotes;
  return citation;
}

/** What telling, locating and ignoring a post's links needs to know about the post. */
interface PostLinks {
  /** Base URL of relative links. */
  base: string | undefined;
  /** The post's site (host without "www."). */
  host: string | undefined;
  /** Other hosts of the post's own site (Post.siteHosts), if any. */
  siteHosts: Set<string> | undefined;
  /** The post's own URL without fragment: a link to it is navigation. */
  self: string | undefined;
  /** --count-as-source patterns. */
  countAsSource: RegExp[];
  /** The post's own URL, for site-generator template links. */
  site: string | undefined;
  /** Maps a raw line (walker units) to a 1-based line of the source file, when known. */
  fileLine: (raw: number | undefined) => number | undefined;
  /** Why links on a raw line are ignored by a marker comment, if they are. */
  ignoredAt: (raw: number | undefined) => string | undefined;
  /** Why a URL is ignored by the config, if it is. */
  ignoredUrl: IgnoredUrl | undefined;
  /** --include patterns, which win over both (ExtractOptions.included). */
  included: readonly RegExp[];
  /** The user's additions to the claim-signal rules. */
  claimRules: ClaimRules | undefined;
  /**
   * The post's one copy of each claim evidence (see StringTable.claimEvidence): the same words
   * raise the same signal again and again, and an object and a string of their own for each
   * block was ~17 MB of the 18 MB Markdown bench's 250,000 blocks through the claim analysis.
   */
  evidence: StringTable;
  /** The writer's own outlet: what a claim told to it is firsthand (firsthand.ts). */
  outlet: Outlet;
  /** Host names of the post's links by authority (see hostOfLink). */
  hosts: Map<string, string | undefined>;
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
    if (role === 'navigation' && isCreditedHub(url, citation.sentence)) role = undefined;
    if (
      role === undefined &&
      post.self !== undefined &&
      citation.fragment === undefined &&
      citation.checkUrl === post.self
    )
      role = 'navigation';
    if (role === undefined && isCrossReference(citation.anchorText, citation.sentence, citation.isInternal))
      role = 'navigation';
    if (
      role === undefined &&
      url !== undefined &&
      link.origin === 'a' &&
      isEntityLink(citation.anchorText, citation.sentence, url, citation.isInternal, citation.fragment)
    )
      role = 'entity';
  }
  if (role === undefined) return;
  if (post.countAsSource.some((re) => re.test(citation.url) || re.test(link.href))) return;
  citation.role = role;
}

/**
 * A post's blocks between extraction's two passes, their links done, their claim signals still
 * to find: lists by block index rather than an object per block (a page of 100,000 paragraphs
 * kept 100,000 of them alive through the claim analysis).
 */
interface LinkedBlocks {
  /** The blocks, `isClaim` false and no signals until claimBlock has run. */
  blocks: Block[];
  /**
   * What the walker found of each besides its text and kind (see ClaimHints): most blocks have
   * none of it, and share NO_HINTS rather than keep their walk's record (~80 bytes a block).
   */
  raws: ClaimHints[];
  /**
   * Where each block's sentence ranges start in `rangeList`, by index: -1 for a block with no
   * link or damaged anchor (its ranges are found as needed).
   */
  rangesAt: number[];
  /**
   * The sentence ranges of the blocks with links or damaged anchors, one after the other in one
   * list (see packRanges): a list of its own for each block was an array object and its
   * elements (~64 bytes; 12.9 MB for the 200,000 cited blocks of the 18 MB Markdown bench).
   */
  rangeList: number[];
  /** Each block's 1-based line in the source file, when known. */
  lines: Array<number | undefined>;
}

/** The block with its citations normalised, classified and located (what checking needs of it), added to `into`. */
function linkBlock(raw: RawBlock, index: number, post: PostLinks, into: LinkedBlocks): void {
  // Loops, not map() with closures: a closure over this function's variables would allocate
  // their context for every block, most of which have no link (100,000 paragraphs of a page).
  const ranges = raw.links.length + raw.damaged.length > 0 ? sentenceRanges(raw.text) : NO_RANGES;
  const line = post.fileLine(raw.line);
  pairArchivedCopies(raw.text, raw.links);
  // None is the shared empty list (credits.ts gives a credited block a list of its own).
  const citations: Citation[] = raw.links.length === 0 ? NO_CITATIONS : new Array<Citation>(raw.links.length);
  for (let i = 0; i < raw.links.length; i++) {
    const link = raw.links[i];
    const citation = toCitation(link, raw.text, ranges, post, raw.line);
    assignRole(citation, link, post);
    citations[i] = settleCitation(citation);
  }
  // Nothing reads the raw links again (the claim analysis reads the block's text and marks):
  // their objects and rel lists are not kept to the end of it.
  raw.links = NO_LINKS;
  // None is the shared empty list (nothing adds to a block's damaged anchors after this).
  let damagedAnchors = NO_ANCHORS;
  if (raw.damaged.length > 0) {
    damagedAnchors = new Array<DamagedAnchor>(raw.damaged.length);
    for (let i = 0; i < raw.damaged.length; i++)
      damagedAnchors[i] = damagedAnchor(raw, raw.damaged[i], ranges, line, post);
    // Nothing reads them again: not kept to the end of the post's claim analysis.
    raw.damaged = NO_DAMAGE;
  }
  // Made with every key it will have in its final order; claimBlock fills in the claim's.
  const block: Block = {
    index,
    kind: raw.kind,
    text: raw.text,
    isClaim: false,
    signals: NO_SIGNALS,
    citations,
    damagedAnchors,
  };
  if (raw.damagedOmitted !== undefined) block.damagedAnchorsOmitted = raw.damagedOmitted;
  into.blocks.push(block);
  into.raws.push(hintsOf(raw));
  into.lines.push(line);
  into.rangesAt.push(ranges === NO_RANGES ? -1 : packRanges(ranges, into.rangeList));
}

/**
 * Appends a block's sentence ranges to the post's flat list of offsets (count, then start, end,
 * start, end…), as a post keeps them between its links and its claims; returns where they
 * start. A list of pairs is an array per sentence, ~64 bytes each beside 16 packed, and the
 * ranges were the largest of what a long post held through its claim analysis (~5 of the
 * ~38 MB of a 2 MB Markdown post's, in a Map by block).
 */
function packRanges(ranges: ReadonlyArray<[number, number]>, list: number[]): number {
  const at = list.length;
  list.push(ranges.length);
  for (let i = 0; i < ranges.length; i++) list.push(ranges[i][0], ranges[i][1]);
  return at;
}

/** The pairs packRanges put in `list` at `at`. */
function unpackRanges(list: readonly number[], at: number): Array<[number, number]> {
  const ranges = new Array<[number, number]>(list[at]);
  for (let i = 0; i < ranges.length; i++) ranges[i] = [list[at + 1 + 2 * i], list[at + 2 + 2 * i]];
  return ranges;
}

/** The claim hints of a walked block: NO_HINTS when it has none. */
function hintsOf(raw: RawBlock): ClaimHints {
  const plain =
    raw.footnoteMarks.length === 0 &&
    raw.marks.length === 0 &&
    raw.codeRanges === undefined &&
    raw.note === undefined &&
    raw.attribution === undefined &&
    raw.caption === undefined &&
    raw.listNumber === undefined &&
    raw.hasQuote === undefined;
  return plain ? NO_HINTS : raw;
}

/** The hints of a block with no marks, code or hints of its kind (shared, frozen: never changed). */
const NO_HINTS = Object.freeze({ footnoteMarks: Object.freeze([]), marks: Object.freeze([]) }) as unknown as ClaimHints;

/** A damaged anchor of a block as reported: its sentence, and its line (else the block's). */
function damagedAnchor(
  raw: RawBlock,
  d: RawBlock['damaged'][number],
  ranges: Array<[number, number]>,
  line: number | undefined,
  post: PostLinks,
): DamagedAnchor {
  const anchorText = d.anchorText;
  const sentence = sentenceAt(raw.text, d.offset, ranges);
  const reason = d.reason;
  const at = d.line === undefined ? line : post.fileLine(d.line);
  // One literal with or without the line: a field added later took a second allocation per
  // anchor (40 bytes beside the anchor's 48; 4.3 million anchors in a hostile 30 MB post).
  return at === undefined ? { anchorText, sentence, reason } : { anchorText, sentence, reason, line: at };
}

/** The sentence ranges of a block with no link or damaged anchor: none (shared, never changed). */
const NO_RANGES: Array<[number, number]> = Object.freeze([]) as unknown as Array<[number, number]>;

/** The raw links of a block once linked (shared, frozen: never changed). */
const NO_LINKS: RawBlock['links'] = Object.freeze([]) as unknown as RawBlock['links'];

/** The raw damaged anchors of a block once linked (shared, frozen: never changed). */
const NO_DAMAGE: RawBlock['damaged'] = Object.freeze([]) as unknown as RawBlock['damaged'];

/** The citations of a block with no link (shared, frozen: a credit replaces it, never adds to it). */
const NO_CITATIONS: Citation[] = Object.freeze([]) as unknown as Citation[];

/** The damaged anchors of a block that has none (shared, frozen: never changed). */
const NO_ANCHORS: DamagedAnchor[] = Object.freeze([]) as unknown as DamagedAnchor[];

/** Placeholder signals of a block whose claim is not analysed yet (never changed: replaced). */
const NO_SIGNALS: ClaimSignal[] = Object.freeze([]) as unknown as ClaimSignal[];

/** True when a link cites: no tag, share or navigation role, and not an image's or a frame's own source. */
function citesBySomeLink(citations: readonly Citation[]): boolean {
  // A loop, not some() with an arrow: a function object per block otherwise, most with no link.
  for (let i = 0; i < citations.length; i++) {
    const c = citations[i];
    if (c.role === undefined && c.origin !== 'img' && c.origin !== 'iframe') return true;
  }
  return false;
}

/**
 * The block with its claim signals, their evidence and its line, as a new block: one literal
 * with its fields inside it (fields added to the block kept them in a second object, ~40 bytes
 * a block, held to the end of the run).
 */
function claimBlock(linked: LinkedBlocks, index: number, post: PostLinks, ownResearch: boolean): void {
  const block = linked.blocks[index];
  const raw = linked.raws[index];
  const { text, kind } = block;
  const at = linked.rangesAt[index];
  const ranges = at === -1 ? NO_RANGES : unpackRanges(linked.rangeList, at);
  const line = linked.lines[index];
  // A tag, share or navigation link makes no claim look cited (nor an image's own source).
  const cited = block.damagedAnchors.length > 0 || citesBySomeLink(block.citations);
  const found = claimSignals(text, {
    blank: raw.codeRanges ? [...raw.footnoteMarks, ...raw.codeRanges] : raw.footnoteMarks,
    rules: post.claimRules,
    ranges: ranges.length > 0 ? ranges : undefined,
    ownResearch,
  });
  const fromText = found.signals;
  // A blockquote or an inline <q> quotes someone, with or without quotation marks.
  if ((kind === 'blockquote' || raw.hasQuote === true) && !fromText.includes('quote')) fromText.unshift('quote');
  // One frozen list for each distinct set of signals, shared by every block that has it (the
  // passes after this one replace a block's list, never change it): a list of its own was an
  // array for every block (~60 bytes; 15 MB for the 250,000 blocks of the 18 MB Markdown
  // bench, held through the claim analysis to the copy of the post, the run's peak).
  const signals: ClaimSignal[] = sharedList(cited ? ['citation' as ClaimSignal].concat(fromText) : fromText);
  const isClaim = !NOT_CLAIMS.has(kind) && signals.length > 0;
  // A quote without quotation marks has no quoted words as evidence: its opening words say why.
  const quoteWords = fromText.includes('quote') && !found.evidence.some((e) => e.signal === 'quote');
  const opening = quoteWords ? text.replace(/\s+/g, ' ').trim() : '';
  let evidence: ClaimEvidence[] | undefined;
  if (opening !== '') evidence = [{ signal: 'quote', text: quoteEvidence(opening) }, ...found.evidence];
  else if (found.evidence.length > 0) evidence = found.evidence.slice();
  if (evidence !== undefined)
    for (let i = 0; i < evidence.length; i++) evidence[i] = post.evidence.claimEvidence(evidence[i]);
  const { citations, damagedAnchors } = block;
  let out: Block;
  if (line === undefined && evidence === undefined)
    out = { index, kind, text, isClaim, signals, citations, damagedAnchors };
  else if (line === undefined) out = { index, kind, text, isClaim, signals, citations, damagedAnchors, evidence };
  else if (evidence === undefined) out = { index, kind, text, isClaim, signals, citations, damagedAnchors, line };
  else out = { index, kind, text, isClaim, signals, citations, damagedAnchors, line, evidence };
  if (block.damagedAnchorsOmitted !== undefined) out.damagedAnchorsOmitted = block.damagedAnchorsOmitted;
  linked.blocks[index] = out;
}

/**
 * The claim analysis of a post whose links are extracted, one step at a time: a step per
 * block's signals, then one per pass over the whole post (speech, voice, statements, credits).
 * A run checks the links while it drives these steps between the network's events.
 */
function* analyseClaims(linked: LinkedBlocks, post: PostLinks): Generator<void, void, undefined> {
  const rawBlocks = linked.raws;
  const ownResearch = tellsOwnResearch(linked.blocks.map((block) => block.text));
  for (let i = 0; i < rawBlocks.length; i++) {
    claimBlock(linked, i, post, ownResearch);
    yield;
  }
  // A copy: the post's own list is not the one the passes below are given.
  const blocks = linked.blocks.slice();
  const speech = settleSpeech(blocks);
  const voice = postVoice(blocks, speech);
  if (voice === 'personal') settleExampleQuotes(blocks);
  if (voice === 'personal') settleLayBeliefs(blocks);
  yield;
  if (voice === 'reporting') addStatementSignals(blocks, NOT_CLAIMS, post.claimRules?.statementIgnore, speech);
  else if (voice === 'personal') addDatedFacts(blocks, NOT_CLAIMS, post.claimRules?.statementIgnore, speech);
  yield;
  creditSources(blocks, rawBlocks);
  settleFirsthand(blocks, post.outlet, post.claimRules);
  // What the walk found of each block is read no more: let go of it before the run copies the
  // post (compactPost), rather than when the generator is dropped (the walk's record of an
  // 18 MB Markdown file was held through the copy, at the run's peak).
  rawBlocks.length = 0;
  linked.rangesAt.length = 0;
  linked.rangeList.length = 0;
  linked.lines.length = 0;
}

/** The body as HTML to walk, section by section (a Markdown body renders in sections). */
function* htmlSections(
  post: Post,
  opts: ExtractOptions,
  found: MarkdownFound,
  hasMarkers: boolean,
  handedOver: boolean,
): Generator<string> {
  if (post.bodyFormat === 'markdown') {
    // `handedOver`: the renderer takes the body, and the post lets go of it then (the renderer
    // lets go of each section once rendered, see renderMarkdown).
    const body = {
      take: (): string => {
        const text = hasMarkers ? stripIgnoreMarkers(post.body) : post.body;
        if (handedOver) post.body = '';
        return text;
      },
    };
    yield* renderMarkdown(body, { linkifyTables: opts.linkify, bodyLine: post.bodyLine }, found);
  } else yield post.kind === 'wordpress' ? stripShortcodes(post.body) : post.body;
}

/**
 * How raw lines become lines of the file: Markdown lines are 0-based within the body, HTML
 * lines 1-based within the body; a WordPress body is one JSON string, whose lines are not
 * lines of the file, so everything in it takes the body's line.
 */
function fileLines(post: Post): PostLinks['fileLine'] {
  const isMarkdown = post.bodyFormat === 'markdown';
  // The post's fields read here, not in the closures: a closure that read `post` would keep its
  // body (an 18 MB Markdown file, two-byte: 36 MB) alive through the claim analysis.
  const given = post.bodyLine;
  if (post.kind === 'wordpress') return () => given;
  const bodyLine = given ?? 1;
  return (raw) => (raw === undefined ? bodyLine : bodyLine + raw - (isMarkdown ? 0 : 1));
}

/** The ignore markers of a post's body, by raw line (see ignore-markers.ts); undefined when none. */
function markersOf(post: Post): ((raw: number | undefined) => string | undefined) | undefined {
  const isMarkdown = post.bodyFormat === 'markdown';
  const bodyLine = post.bodyLine ?? 1;
  const where =
    post.kind === 'wordpress'
      ? (n: number) => `line ${n} of the post's content`
      : (n: number) => `line ${bodyLine + n - 1}`;
  const ignored = readIgnoreMarkers(post.body, { markdown: isMarkdown, where });
  if (ignored === undefined) return undefined;
  // Markdown raw lines are 0-based, HTML ones 1-based.
  return (raw) => (raw === undefined ? undefined : ignored(isMarkdown ? raw + 1 : raw));
}

/**
 * Extracts a post's blocks in reading order, with their citations, damaged anchors and claim
 * signals. Pure: no I/O. Markdown bodies are rendered first (code spans/blocks hold no
 * citations); HTML is scanned for orphan closing tags before parsing (see prepare-html.ts).
 */
export function extractPost(post: Post, opts: ExtractOptions = {}): ExtractedPost {
  const staged = extractStaged(post, opts);
  while (!staged.claims.next().done);
  return staged.post;
}

/** How a section is walked (see BlockWalker's options). */
interface SectionWalk {
  includeMedia: boolean;
  /** The walker locates its blocks by their offsets in the section's HTML. */
  useLocations: boolean;
  lineAttr: string | undefined;
  brokenAttr: string | undefined;
  postContent: boolean;
  ownLink: (href: string) => boolean;
}

/**
 * One section's raw blocks, walked from its HTML (`ownMarkup`: markdown-it's own markup, whose
 * tags need no second scan; `capped`: nesting bounded when the page was read), and how many
 * elements nested too deep were dropped. A function of its own: the section's tree and walker
 * are gone once it returns, before its blocks are linked.
 */
function walkSection(
  source: string,
  ownMarkup: boolean,
  capped: boolean,
  how: SectionWalk,
): { blocks: RawBlock[]; dropped: number } {
  const nesting = ownMarkup || capped ? { html: source, dropped: 0 } : capNesting(source);
  const html = ownMarkup ? nesting.html : markOrphanTags(nesting.html);
  // htmlparser2 rather than parse5: 2–3× faster, and the spec-exact tree repairs of parse5 buy
  // nothing here since orphan tags are handled before parsing (prepare-html.ts).
  const root = parseHtmlTree(html, { indices: how.useLocations });
  const walker = new BlockWalker({
    includeMedia: how.includeMedia,
    lineOf: how.useLocations ? lineIndex(html).line : undefined,
    lineAttr: how.lineAttr,
    brokenAttr: how.brokenAttr,
    postContent: how.postContent,
    ownLink: how.ownLink,
  });
  return { blocks: walker.walkBody(root.children ?? []), dropped: nesting.dropped };
}

/** A post's extraction in two passes: its links at once, its claims as `claims` is driven. */
export interface StagedExtraction {
  /**
   * The extracted post. Its citations, damaged anchors and blocks' text are final (all that
   * checking its links needs, except the copies of citations credited to other blocks, which
   * are no new targets); its claim signals, evidence, credits and blocks' lines are filled in
   * as `claims` runs, and it equals extractPost's once `claims` is done.
   */
  post: ExtractedPost;
  /** The claim analysis in short steps (see analyseClaims): run it to the end. */
  claims: Generator<void, void, undefined>;
}

/**
 * extractPost in two passes: the links first, so a run can start checking them, then the
 * claim analysis in steps the run drives while the first requests are in flight. With
 * `handedOver` (the caller keeps nothing of `post`), the post's body is emptied once walked
 * (a Markdown body once its renderer has taken it).
 */
export function extractStaged(post: Post, opts: ExtractOptions = {}, handedOver = false): StagedExtraction {
  const isMarkdown = post.bodyFormat === 'markdown';
  const markers = markersOf(post);
  // Lines inside a JSON string are not lines of the file (WordPress blocks take the body's
  // line), but ignore markers in it still need the lines of its links.
  const useLocations = !isMarkdown && (post.kind !== 'wordpress' || markers !== undefined);
  const found: MarkdownFound = {};
  const ownLink = ownLinkOf(post);
  let dropped = 0;
  // A Markdown section that rendered to markdown-it's own markup only (no raw HTML, no link in
  // a link, no emphasis nested deep: markdown-render.ts, found.ownMarkup) has every element
  // closed in order, no orphan end tag or link left open to mark (prepare-html.ts), and nests
  // no deeper than MAX_NESTING: its tags need not be scanned twice more
  // (test/extract/markdown-own-markup.test.ts holds it; a 4 MB post of autolinks spent ~6% of
  // its run scanning them). Not with footnote definitions: the footnote plugin moves a
  // definition's tokens out of the quote or list that held it, and its section can be left with
  // an end tag alone ("[^1]: note\n    > [^1]: note"). Emphasis, which markdown-it pairs after
  // its parse, can nest past its maxNesting: deeper than a hundred it is capped like raw HTML
  // (review22: `**`×160,000 took 26 s in the HTML parser, whose work per tag grows with depth).
  const noFootnotes = isMarkdown && !post.body.includes('[^');
  const cappedPost = isNestingCapped(post);
  const self = post.url !== undefined ? normalizeUrl(post.url, undefined) : undefined;
  const links: PostLinks = {
    base: post.baseUrl ?? post.url,
    host: siteHost(post.url ?? post.baseUrl),
    siteHosts: post.siteHosts !== undefined ? new Set(post.siteHosts) : undefined,
    self: self !== undefined && !('invalid' in self) && self.checkUrl !== '' ? self.checkUrl : undefined,
    countAsSource: [...(opts.countAsSource ?? [])],
    // Template links are links to the site: resolved against the post's own URL.
    site: post.url ?? post.baseUrl,
    fileLine: fileLines(post),
    ignoredAt: markers ?? (() => undefined),
    ignoredUrl: opts.ignoredUrl,
    included: opts.included ?? [],
    claimRules: opts.claimRules,
    evidence: new StringTable(),
    outlet: outletOf(
      [...(post.outletNames ?? []), ...(opts.claimRules?.outletNames ?? [])],
      [post.url, post.baseUrl]
        .map(siteHost)
        .filter((h): h is string => h !== undefined)
        .concat(post.siteHosts ?? []),
    ),
    hosts: new Map(),
  };
  const linked: LinkedBlocks = { blocks: [], raws: [], rangesAt: [], rangeList: [], lines: [] };
  // A walker per section (HTML is one section): a walker remembers the nodes it has seen, and
  // one for all sections would keep every section's tree alive to the end.
  for (const source of htmlSections(post, opts, found, markers !== undefined, handedOver)) {
    // Bounded nesting before any parser runs (html-nesting.ts); a page was capped when read.
    const ownMarkup = noFootnotes && found.ownMarkup === true;
    const section = walkSection(source, ownMarkup, cappedPost, {
      includeMedia: opts.includeMedia ?? false,
      useLocations,
      lineAttr: isMarkdown ? MARKDOWN_LINE_ATTR : undefined,
      brokenAttr: isMarkdown ? MARKDOWN_BROKEN_ATTR : undefined,
      postContent: post.kind === 'wordpress',
      ownLink,
    });
    dropped += section.dropped;
    // Each section's blocks are linked as soon as it is walked (its tree and walker already let
    // go of): a long post's walk records, its raw blocks and their links (~100 MB of the 18 MB
    // Markdown bench), were all held beside its linked blocks. Linking a block reads it and the
    // post's fields, nothing of the blocks around it: the same blocks, linked in turn.
    const walked = section.blocks;
    for (let i = 0; i < walked.length; i++) {
      linkBlock(walked[i], linked.blocks.length, links, linked);
      (walked as Array<RawBlock | undefined>)[i] = undefined;
    }
  }
  // `handedOver`: the caller lets go of the post once it is extracted, and nothing reads its
  // body past the walk. Its holders (the caller's frame, the reader's list of a file's posts)
  // otherwise kept it (an 18 MB Markdown file, two-byte: 36 MB) through the claim analysis. A
  // Markdown body goes sooner, section by section as it is rendered (htmlSections). (The
  // fields below are read from the post, never its body.)
  if (handedOver) post.body = '';

  const { body: _body, bodyFormat: _format, bodyLine: _line, outletNames: _names, ...rest } = post;
  if (dropped > 0) rest.warnings = [...rest.warnings, deepNesting(dropped, MAX_NESTING)];
  if (found.nestingCut === true) rest.warnings = [...rest.warnings, deepMarkdown(MARKDOWN_MAX_NESTING)];
  if (rest.title === undefined && found.firstHeading !== undefined) rest.title = found.firstHeading;
  return {
    post: { ...rest, blocks: linked.blocks },
    claims: analyseClaims(linked, links),
  };
}
