import type { ResultLookup } from '../links/offline-results.js';
import {
  isFailingStatus,
  MAX_LISTED_PER_BLOCK,
  type DamagedAnchor,
  type FailingStatus,
  type Finding,
  type FindingCode,
  type LinkStatus,
  type ReportBlock,
  type ReportCitation,
  type ReportPost,
} from '../types.js';
import { DRIFT_THRESHOLD } from '../config/defaults.js';
import { formatDuration } from '../config/duration.js';
import type { ConfirmRule } from '../config/options.js';
import { FINDING_CODES, FINDING_CODE_LIST, severityRank } from './codes.js';
import { formatFindingMessage, type MessageArgs } from './messages.js';
import { shorten } from './shorten.js';
import { isCheckedRole } from '../links/plan.js';

/** Finding raised for a checked link by its failing status (ok/excluded/skipped/unchecked raise none). */
const STATUS_CODES: Readonly<Record<FailingStatus, FindingCode>> = {
  broken: 'LINK_BROKEN',
  unreachable: 'LINK_UNREACHABLE',
  'soft-404': 'LINK_SOFT_404',
  timeout: 'LINK_TIMEOUT',
  blocked: 'LINK_BLOCKED',
};

/**
 * Most findings of one code listed for one block (or for one post, for post-level findings);
 * the rest are counted by one summary finding of the same code with `args.omitted`. The block's
 * citations in the JSON report still list every one, its damaged anchors as many as its findings
 * (Block.damagedAnchorsOmitted counts the rest).
 */
const MAX_FINDINGS_PER_CODE = MAX_LISTED_PER_BLOCK;

/** True for the summary finding that stands for the findings of its code beyond the cap. */
export function isOmittedSummary(finding: Finding): boolean {
  return finding.args.omitted !== undefined;
}

/** How many findings one stands for: a summary finding, the findings it does not list. */
export function findingCount(finding: Finding): number {
  return isOmittedSummary(finding) ? Number(finding.args.omitted) : 1;
}

/**
 * Keeps the first MAX_FINDINGS_PER_CODE findings of each code, in order, and appends one
 * summary finding per code that had more. `unlisted` damaged anchors (not kept by extraction)
 * are ANCHOR_DAMAGED findings past the cap.
 */
function capPerCode(
  findings: readonly Finding[],
  summary: (code: FindingCode, omitted: number) => Finding,
  unlisted = 0,
): Finding[] {
  // Under the cap in all, no code can be over it: the findings as they are (no Map per block).
  if (findings.length <= MAX_FINDINGS_PER_CODE && unlisted === 0) return findings as Finding[];
  const counts = new Map<FindingCode, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    const n = (counts.get(f.code) ?? 0) + 1;
    counts.set(f.code, n);
    if (n <= MAX_FINDINGS_PER_CODE) out.push(f);
  }
  // The block's first anchors came first: their code is counted already.
  if (unlisted > 0) counts.set('ANCHOR_DAMAGED', (counts.get('ANCHOR_DAMAGED') ?? 0) + unlisted);
  for (const [code, n] of counts) if (n > MAX_FINDINGS_PER_CODE) out.push(summary(code, n - MAX_FINDINGS_PER_CODE));
  return out;
}

// Statuses whose source may be gone: an archived copy (or its absence) is part of the finding.
const GONE: ReadonlySet<LinkStatus> = new Set<LinkStatus>(['broken', 'unreachable', 'soft-404', 'timeout']);

/** Run settings some findings are worded with. */
export interface FindingContext {
  /** `--confirm`: the rule LINK_FAILING quotes. */
  confirm?: ConfirmRule;
}

// A block with one of these signals asserts something a reader may want sourced.
const UNCITED_SIGNALS = new Set(['quote', 'number', 'attribution', 'statement', 'causal']);

/** Builds one finding, worded by messages.ts and with the severity of the code table. */
function makeFinding(
  code: FindingCode,
  where: { post: number; source: string; block?: number; url?: string; line?: number },
  args: MessageArgs,
): Finding {
  const cleanArgs: MessageArgs = {};
  for (const key of Object.keys(args)) {
    const value = args[key];
    if (value !== undefined && value !== '') cleanArgs[key] = value;
  }
  return placed(code, formatFindingMessage(code, cleanArgs), cleanArgs, where);
}

/** A finding of `code` worded `message` from `args`, at `where`. */
function placed(
  code: FindingCode,
  message: string,
  args: MessageArgs,
  where: { post: number; source: string; block?: number; url?: string; line?: number },
): Finding {
  const severity = FINDING_CODES[code].severity;
  const cleanArgs = args;
  const { post, source, block, url, line } = where;
  // Whole literals per combination of the optional fields: an archive has hundreds of thousands
  // of findings, and a field added after the literal costs each one a second allocation.
  if (block === undefined)
    return line === undefined
      ? { code, severity, message, post, source, args: cleanArgs }
      : { code, severity, message, post, source, line, args: cleanArgs };
  if (url === undefined)
    return line === undefined
      ? { code, severity, message, post, source, block, args: cleanArgs }
      : { code, severity, message, post, source, block, line, args: cleanArgs };
  return line === undefined
    ? { code, severity, message, post, source, block, url, args: cleanArgs }
    : { code, severity, message, post, source, block, url, line, args: cleanArgs };
}

/** The quotes a citation made (Citation.quotes, from extraction). */
export type QuotesOf = (citation: ReportCitation) => readonly string[];

/**
 * Derives every finding of the report from posts with verdicts. One link finding per
 * (post, block, URL): a URL cited twice in one paragraph is one problem to fix, not two.
 */
export function deriveFindings(
  posts: readonly ReportPost[],
  results: ResultLookup,
  quotesOf: QuotesOf = () => [],
  context: FindingContext = {},
): Finding[] {
  const findings: Finding[] = [];
  posts.forEach((post, postIndex) => {
    // Posts carry no line of their own; the first located warning is the best anchor we have.
    const postLine = post.warnings.find((w) => w.line !== undefined)?.line;
    const postWhere = { post: postIndex, source: post.source, line: postLine };
    const warnings = post.warnings.map((warning) =>
      makeFinding(
        warning.code,
        { ...postWhere, line: warning.line ?? postLine },
        { repair: warning.repair, where: warning.where ?? '' },
      ),
    );
    const capped = capPerCode(warnings, (code, omitted) =>
      makeFinding(code, postWhere, { omitted, listed: MAX_FINDINGS_PER_CODE, scope: 'post' }),
    );
    // In a loop, not push(...): the spread passes each finding as an argument.
    for (const f of capped) findings.push(f);
    for (const block of post.blocks) {
      // Most blocks of a long page raise nothing: no objects or closures made for them.
      if (!mayRaise(block)) continue;
      const where = { post: postIndex, source: post.source, line: block.line ?? postLine };
      const blockCapped = capPerCode(
        blockFindings(block, where, results, post.url, quotesOf, context),
        (code, omitted) =>
          makeFinding(
            code,
            { ...where, block: block.index },
            { omitted, listed: MAX_FINDINGS_PER_CODE, scope: 'block' },
          ),
        block.damagedAnchorsOmitted,
      );
      for (const f of blockCapped) findings.push(f);
    }
  });
  return sortFindings(findings);
}

/**
 * True when a citation can source a claim: a link to a page, malformed or not. A mailto: or
 * tel: link, a jump within the post itself ("back to top", a table of contents) or an
 * unlocatable #fragment points at no source, so it must not hide an uncited claim.
 */
function isSourceLink(c: ReportCitation, postUrl: string | undefined): boolean {
  // A tag, share, image or navigation link is no source, whatever it points to.
  if (c.role !== undefined) return false;
  if (c.invalid !== undefined || c.unresolved !== undefined) return true;
  if (c.checkUrl === undefined || c.checkUrl === '') return false;
  if (!/^https?:/i.test(c.checkUrl)) return false;
  return postUrl === undefined || c.fragment === undefined || c.checkUrl !== withoutHash(postUrl);
}

function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

/**
 * True for a citation whose link blockFindings reports on: checked (a source, or a link on a
 * name), written in the block itself (a credit from outside, `via`, is reported where its link
 * is written), and not ignored by the user (reported excluded, with the reason).
 */
function reportsOn(c: ReportCitation): boolean {
  return isCheckedRole(c.role) && c.via === undefined && c.ignored === undefined;
}

/**
 * False for a block that blockFindings would find nothing in: no damaged anchor, no citation
 * it reports on, and no signal that makes it an uncited claim.
 */
function mayRaise(block: ReportBlock): boolean {
  if (block.damagedAnchors.length > 0) return true;
  const citations = block.citations;
  for (let i = 0; i < citations.length; i++) if (reportsOn(citations[i])) return true;
  if (NEVER_UNCITED_KINDS.has(block.kind) || block.firsthand !== undefined) return false;
  const signals = block.signals;
  for (let i = 0; i < signals.length; i++) if (UNCITED_SIGNALS.has(signals[i])) return true;
  return false;
}

// A table cell is data: its source is the table's caption or the paragraph around it, and
// one note per figure in a table would bury the real uncited claims.
// A footnote, source line or reference entry is the source of other blocks, not a claim. A
// picture's caption says what it shows (no claim paragraph, bench/claims-labelling.md); a caption
// with a link under a quote or paragraph of its figure is that block's source line (credits.ts).
const NEVER_UNCITED_KINDS = new Set(['heading', 'table-cell', 'footnote', 'source-line', 'reference', 'figcaption']);

function blockFindings(
  block: ReportBlock,
  where: { post: number; source: string; line?: number },
  results: ResultLookup,
  postUrl: string | undefined,
  quotesOf: QuotesOf,
  context: FindingContext,
): Finding[] {
  const out: Finding[] = [];
  // A finding about a link points at the link's own line, else at the block's.
  // A literal, not a spread of `where`: the spread was 14% of the CPU of a post of 427,400 lost anchors.
  const at = (url?: string, line = where.line) => ({
    post: where.post,
    source: where.source,
    block: block.index,
    url,
    line,
  });
  const seen = new Set<string>();
  const once = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };

  let previous: DamagedAnchor | undefined;
  for (const anchor of block.damagedAnchors) {
    // Past the cap only the count matters (capPerCode keeps the first MAX_FINDINGS_PER_CODE of
    // a code and counts the rest): the last one kept stands for each, rather than a finding
    // worded for every one of 70,000 orphan tags only to be dropped.
    if (out.length >= MAX_FINDINGS_PER_CODE) {
      out.push(out[MAX_FINDINGS_PER_CODE - 1]);
      continue;
    }
    const place = at(undefined, anchor.line ?? where.line);
    // The same lost anchor again in its sentence ("[a][gone]" fifty times a paragraph, 4.3
    // million times in a 30 MB post) shares the one before's message and args: ~200 bytes a
    // finding, most of the report's memory. (Redacting them in place twice changes nothing.)
    const last = out.length > 0 ? out[out.length - 1] : undefined;
    if (
      last !== undefined &&
      previous !== undefined &&
      anchor.anchorText === previous.anchorText &&
      anchor.sentence === previous.sentence &&
      anchor.reason === previous.reason
    )
      out.push(placed('ANCHOR_DAMAGED', last.message, last.args, place));
    else
      out.push(
        makeFinding('ANCHOR_DAMAGED', place, {
          anchorText: anchor.anchorText,
          sentence: anchor.sentence,
          reason: anchor.reason,
        }),
      );
    previous = anchor;
  }
  // A link that is not a source raises nothing (a broken share button is not a lost source),
  // except a link on a name in the prose (entity), which readers follow: a dead one is a dead
  // link in the post (see reportsOn).
  for (const c of block.citations) {
    if (!reportsOn(c)) continue;
    const atLink = (url?: string) => at(url, c.line ?? where.line);
    out.push(...citationFindings(c, atLink, once, results, quotesOf, context));
  }

  const uncitedSignals = block.signals.filter((s) => UNCITED_SIGNALS.has(s));
  if (
    !NEVER_UNCITED_KINDS.has(block.kind) &&
    uncitedSignals.length > 0 &&
    !block.citations.some((c) => isSourceLink(c, postUrl)) &&
    // Credited by a footnote, a source line or a reference entry, even one naming a source without a link.
    (block.credits ?? []).length === 0 &&
    // Told to the writer or the outlet, its own analysis or documents: an editor asks no link (firsthand.ts).
    block.firsthand === undefined &&
    block.damagedAnchors.length === 0
  ) {
    // The words behind each signal, so the note says why ("number “62%”, attribution “officials said”").
    const evidence = (block.evidence ?? []).map((e) => `${e.signal} “${e.text}”`).join(', ');
    const args: MessageArgs = { signals: uncitedSignals.join(', '), evidence, excerpt: block.text };
    // The links on names the claim has, which an editor may have meant as its sources: named, so
    // the flag says why they did not count (and --count-as-source can make them count).
    const names = block.citations.filter((c) => c.role === 'entity' && c.via === undefined);
    if (names.length > 0) {
      const shown = names.slice(0, 3).map((c) => `"${c.anchorText}" (${c.url})`);
      args.nameLinks = names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more` : shown.join(', ');
      args.nameLinkCount = names.length;
    }
    out.push(makeFinding('CLAIM_UNCITED', at(), args));
  }
  return out;
}

function citationFindings(
  c: ReportCitation,
  at: (url?: string) => { post: number; source: string; block: number; url?: string; line?: number },
  once: (key: string) => boolean,
  results: ResultLookup,
  quotesOf: QuotesOf,
  context: FindingContext,
): Finding[] {
  const out: Finding[] = [];
  // `role` words the message for a link that is not a source ("Link … is broken").
  const linkArgs: MessageArgs = { url: c.url, anchorText: c.anchorText, sentence: c.sentence };
  if (c.role !== undefined) linkArgs.role = c.role;
  if (c.invalid !== undefined) {
    if (once(`LINK_INVALID ${c.url}`))
      out.push(makeFinding('LINK_INVALID', at(c.url), { ...linkArgs, reason: c.invalid }));
    return out;
  }
  // Keyed by the cited URL, fragment included: two citations of one page with different
  // fragments get a finding each, worded with their own anchor text and shown under their own
  // citation (keyed by page, the second showed the first one's anchor).
  const key = c.url;
  const gone = GONE.has(c.status);
  const capture = c.archive?.status === 'found' && c.archive.url !== undefined ? c.archive : undefined;
  const captureArgs: MessageArgs = capture
    ? { archiveUrl: capture.url ?? '', archivedAt: day(capture.capturedAt) }
    : {};
  // The post already links an archived copy of a source that is gone (Robust Links, or the
  // annotation `citecheck fix` writes): the source is rescued, a note says where, nothing fails.
  if (gone && c.archivedCopy !== undefined) {
    if (once(`ARCHIVE_AVAILABLE ${key}`))
      out.push(makeFinding('ARCHIVE_AVAILABLE', at(c.url), { ...linkArgs, archiveUrl: c.archivedCopy, linked: 'yes' }));
    // Rescued, the link itself is still in the post: what is said of the link stays said.
    insecureHttp(c, out, once, at, linkArgs);
    return out;
  }
  const statusCode =
    gone && c.unconfirmed ? 'LINK_FAILING' : isFailingStatus(c.status) ? STATUS_CODES[c.status] : undefined;
  if (statusCode !== undefined && once(`${statusCode} ${key}`)) {
    out.push(
      makeFinding(statusCode, at(c.url), {
        ...linkArgs,
        httpStatus: c.httpStatus ?? '',
        errorCode: c.errorCode ?? '',
        reason: c.reason ?? '',
        finalUrl: c.finalUrl ?? '',
        ...(gone ? captureArgs : {}),
        ...(statusCode === 'LINK_FAILING' ? failingArgs(c, context.confirm) : {}),
      }),
    );
  }
  if (gone && capture && once(`ARCHIVE_AVAILABLE ${key}`))
    out.push(makeFinding('ARCHIVE_AVAILABLE', at(c.url), { ...linkArgs, ...captureArgs }));
  if (gone && c.archive?.status === 'missing' && once(`ARCHIVE_MISSING ${key}`))
    out.push(makeFinding('ARCHIVE_MISSING', at(c.url), linkArgs));
  if (c.status === 'ok') {
    const permanent = c.redirects.find((hop) => hop.status === 301 || hop.status === 308);
    if (permanent !== undefined && once(`LINK_REDIRECT_PERMANENT ${key}`)) {
      const newUrl = c.finalUrl ?? c.redirects[c.redirects.length - 1].location;
      out.push(
        makeFinding('LINK_REDIRECT_PERMANENT', at(c.url), { ...linkArgs, newUrl, httpStatus: permanent.status }),
      );
    }
  }
  // Looked up only for a citation with a fragment or quotes: an offline run's results are
  // worked out on each lookup (links/offline-results.ts).
  const quotes = quotesOf(c);
  const result =
    c.checkUrl !== undefined && (c.fragment !== undefined || quotes.length > 0) ? results.get(c.checkUrl) : undefined;
  const missing = result?.missingFragments;
  if (c.fragment !== undefined && missing?.includes(c.fragment) && once(`FRAGMENT_MISSING ${c.url}`)) {
    out.push(makeFinding('FRAGMENT_MISSING', at(c.url), { ...linkArgs, fragment: c.fragment }));
  }
  const missingQuotes = result?.missingQuotes;
  if (missingQuotes !== undefined && missingQuotes.length > 0) {
    // The result lists the URL's missing quotes from every citing post; raise only this sentence's.
    for (const quote of quotes) {
      if (!missingQuotes.includes(quote)) continue;
      const quoteArg = shorten(quote, QUOTE_ARG_CHARS);
      // The capture from the post's date still has it: the source changed, the post did not misquote.
      if (capture && c.archive?.quotesInCapture?.includes(quote)) {
        if (once(`SOURCE_CHANGED ${key} ${quote}`))
          out.push(makeFinding('SOURCE_CHANGED', at(c.url), { ...linkArgs, ...captureArgs, quote: quoteArg }));
      } else if (once(`QUOTE_NOT_FOUND ${key} ${quote}`)) {
        out.push(makeFinding('QUOTE_NOT_FOUND', at(c.url), { ...linkArgs, quote: quoteArg }));
      }
    }
  }
  const similarity = c.archive?.similarity;
  if (
    c.status === 'ok' &&
    capture &&
    similarity !== undefined &&
    similarity < DRIFT_THRESHOLD &&
    !out.some((f) => f.code === 'SOURCE_CHANGED') &&
    once(`SOURCE_CHANGED ${key}`)
  ) {
    out.push(
      makeFinding('SOURCE_CHANGED', at(c.url), {
        ...linkArgs,
        ...captureArgs,
        similarity: similarity.toFixed(2),
        threshold: DRIFT_THRESHOLD.toFixed(2),
      }),
    );
  }
  insecureHttp(c, out, once, at, linkArgs);
  return out;
}

/** LINK_INSECURE_HTTP for an outbound `http:` link, once per URL. */
function insecureHttp(
  c: ReportCitation,
  out: Finding[],
  once: (key: string) => boolean,
  at: (url?: string) => { post: number; source: string; block: number; url?: string; line?: number },
  linkArgs: MessageArgs,
): void {
  if (!c.isInternal && /^http:/i.test(c.url) && once(`LINK_INSECURE_HTTP ${c.url}`)) {
    out.push(makeFinding('LINK_INSECURE_HTTP', at(c.url), linkArgs));
  }
}

/** The date part of an ISO time ("2024-04-30"), or '' when there is none. */
function day(iso: string | undefined): string {
  return iso === undefined ? '' : iso.slice(0, 10);
}

/** What LINK_FAILING says: since when, how many checks, and the rule that would make it dead. */
function failingArgs(c: ReportCitation, confirm: ConfirmRule | undefined): MessageArgs {
  const h = c.history;
  return {
    failingSince: day(h?.failingSince ?? c.history?.firstCheckedAt),
    failedChecks: h?.failingChecks ?? 1,
    confirmChecks: confirm?.checks ?? '',
    confirmSpan: confirm ? formatDuration(confirm.spanMs) : '',
  };
}

// Long enough to recognise the quote, short enough for one terminal line with the URL.
const QUOTE_ARG_CHARS = 80;

/**
 * Sorts by severity (most severe first), post, block (post-level findings first), code
 * (table order), the cap's summary after the findings it continues, and URL. The sort is stable, so damaged anchors keep their reading order.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const codeOrder = new Map(FINDING_CODE_LIST.map((code, i) => [code, i]));
  return [...findings].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      a.post - b.post ||
      (a.block ?? -1) - (b.block ?? -1) ||
      (codeOrder.get(a.code) ?? 0) - (codeOrder.get(b.code) ?? 0) ||
      Number(isOmittedSummary(a)) - Number(isOmittedSummary(b)) ||
      compareText(a.url ?? '', b.url ?? ''),
  );
}

// Code-unit order, not localeCompare: the same on every machine and locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
