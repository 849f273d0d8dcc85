import {
  isFailingStatus,
  type CheckResult,
  type FailingStatus,
  type Finding,
  type FindingCode,
  type ReportBlock,
  type ReportCitation,
  type ReportPost,
} from '../types.js';
import { FINDING_CODES, FINDING_CODE_LIST, severityRank } from './codes.js';
import { formatFindingMessage, type MessageArgs } from './messages.js';
import { shorten } from './shorten.js';

/** Finding raised for a checked link by its failing status (ok/excluded/skipped/unchecked raise none). */
const STATUS_CODES: Readonly<Record<FailingStatus, FindingCode>> = {
  broken: 'LINK_BROKEN',
  unreachable: 'LINK_UNREACHABLE',
  'soft-404': 'LINK_SOFT_404',
  timeout: 'LINK_TIMEOUT',
  blocked: 'LINK_BLOCKED',
};

// A block with one of these signals asserts something a reader may want sourced.
const UNCITED_SIGNALS = new Set(['quote', 'number', 'attribution']);

/** Builds one finding, worded by messages.ts and with the severity of the code table. */
function makeFinding(
  code: FindingCode,
  where: { post: number; source: string; block?: number; url?: string; line?: number },
  args: MessageArgs,
): Finding {
  const cleanArgs = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== ''));
  const finding: Finding = {
    code,
    severity: FINDING_CODES[code].severity,
    message: formatFindingMessage(code, cleanArgs),
    post: where.post,
    source: where.source,
    args: cleanArgs,
  };
  if (where.block !== undefined) finding.block = where.block;
  if (where.url !== undefined) finding.url = where.url;
  if (where.line !== undefined) finding.line = where.line;
  return finding;
}

/** The quotes a citation made (Citation.quotes, from extraction). */
export type QuotesOf = (citation: ReportCitation) => readonly string[];

/**
 * Derives every finding of the report from posts with verdicts. One link finding per
 * (post, block, URL): a URL cited twice in one paragraph is one problem to fix, not two.
 */
export function deriveFindings(
  posts: readonly ReportPost[],
  results: ReadonlyMap<string, CheckResult>,
  quotesOf: QuotesOf = () => [],
): Finding[] {
  const findings: Finding[] = [];
  posts.forEach((post, postIndex) => {
    // Posts carry no line of their own; the first located warning is the best anchor we have.
    const postLine = post.warnings.find((w) => w.line !== undefined)?.line;
    for (const warning of post.warnings) {
      findings.push(
        makeFinding(
          warning.code,
          { post: postIndex, source: post.source, line: warning.line ?? postLine },
          { repair: warning.repair, where: warning.where ?? '' },
        ),
      );
    }
    for (const block of post.blocks) {
      findings.push(
        ...blockFindings(
          block,
          { post: postIndex, source: post.source, line: block.line ?? postLine },
          results,
          post.url,
          quotesOf,
        ),
      );
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
  if (c.invalid !== undefined) return true;
  if (c.checkUrl === undefined || c.checkUrl === '') return false;
  if (!/^https?:/i.test(c.checkUrl)) return false;
  return postUrl === undefined || c.fragment === undefined || c.checkUrl !== withoutHash(postUrl);
}

function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

// A table cell is data: its source is the table's caption or the paragraph around it, and
// one note per figure in a table would bury the real uncited claims.
const NEVER_UNCITED_KINDS = new Set(['heading', 'table-cell']);

function blockFindings(
  block: ReportBlock,
  where: { post: number; source: string; line?: number },
  results: ReadonlyMap<string, CheckResult>,
  postUrl: string | undefined,
  quotesOf: QuotesOf,
): Finding[] {
  const out: Finding[] = [];
  const at = (url?: string) => ({ ...where, block: block.index, url });
  const seen = new Set<string>();
  const once = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };

  for (const anchor of block.damagedAnchors) {
    out.push(
      makeFinding('ANCHOR_DAMAGED', at(), {
        anchorText: anchor.anchorText,
        sentence: anchor.sentence,
        reason: anchor.reason,
      }),
    );
  }
  for (const c of block.citations) out.push(...citationFindings(c, at, once, results, quotesOf));

  const uncitedSignals = block.signals.filter((s) => UNCITED_SIGNALS.has(s));
  if (
    !NEVER_UNCITED_KINDS.has(block.kind) &&
    uncitedSignals.length > 0 &&
    !block.citations.some((c) => isSourceLink(c, postUrl)) &&
    block.damagedAnchors.length === 0
  ) {
    out.push(makeFinding('CLAIM_UNCITED', at(), { signals: uncitedSignals.join(', '), excerpt: block.text }));
  }
  return out;
}

function citationFindings(
  c: ReportCitation,
  at: (url?: string) => { post: number; source: string; block: number; url?: string; line?: number },
  once: (key: string) => boolean,
  results: ReadonlyMap<string, CheckResult>,
  quotesOf: QuotesOf,
): Finding[] {
  const out: Finding[] = [];
  const linkArgs = { url: c.url, anchorText: c.anchorText, sentence: c.sentence };
  if (c.invalid !== undefined) {
    if (once(`LINK_INVALID ${c.url}`))
      out.push(makeFinding('LINK_INVALID', at(c.url), { ...linkArgs, reason: c.invalid }));
    return out;
  }
  // Keyed by the cited URL, fragment included: two citations of one page with different
  // fragments get a finding each, worded with their own anchor text and shown under their own
  // citation (keyed by page, the second showed the first one's anchor).
  const key = c.url;
  const statusCode = isFailingStatus(c.status) ? STATUS_CODES[c.status] : undefined;
  if (statusCode !== undefined && once(`${statusCode} ${key}`)) {
    out.push(
      makeFinding(statusCode, at(c.url), {
        ...linkArgs,
        httpStatus: c.httpStatus ?? '',
        errorCode: c.errorCode ?? '',
        reason: c.reason ?? '',
        finalUrl: c.finalUrl ?? '',
      }),
    );
  }
  if (c.status === 'ok') {
    const permanent = c.redirects.find((hop) => hop.status === 301 || hop.status === 308);
    if (permanent !== undefined && once(`LINK_REDIRECT_PERMANENT ${key}`)) {
      const newUrl = c.finalUrl ?? c.redirects[c.redirects.length - 1].location;
      out.push(
        makeFinding('LINK_REDIRECT_PERMANENT', at(c.url), { ...linkArgs, newUrl, httpStatus: permanent.status }),
      );
    }
  }
  const missing = c.checkUrl !== undefined ? results.get(c.checkUrl)?.missingFragments : undefined;
  if (c.fragment !== undefined && missing?.includes(c.fragment) && once(`FRAGMENT_MISSING ${c.url}`)) {
    out.push(makeFinding('FRAGMENT_MISSING', at(c.url), { ...linkArgs, fragment: c.fragment }));
  }
  const missingQuotes = c.checkUrl !== undefined ? results.get(c.checkUrl)?.missingQuotes : undefined;
  if (missingQuotes !== undefined && missingQuotes.length > 0) {
    // The result lists the URL's missing quotes from every citing post; raise only this sentence's.
    for (const quote of quotesOf(c)) {
      if (missingQuotes.includes(quote) && once(`QUOTE_NOT_FOUND ${key} ${quote}`)) {
        out.push(makeFinding('QUOTE_NOT_FOUND', at(c.url), { ...linkArgs, quote: shorten(quote, QUOTE_ARG_CHARS) }));
      }
    }
  }
  if (!c.isInternal && /^http:/i.test(c.url) && once(`LINK_INSECURE_HTTP ${key}`)) {
    out.push(makeFinding('LINK_INSECURE_HTTP', at(c.url), linkArgs));
  }
  return out;
}

// Long enough to recognise the quote, short enough for one terminal line with the URL.
const QUOTE_ARG_CHARS = 80;

/**
 * Sorts by severity (most severe first), post, block (post-level findings first), code
 * (table order) and URL. The sort is stable, so damaged anchors keep their reading order.
 */
function sortFindings(findings: readonly Finding[]): Finding[] {
  const codeOrder = new Map(FINDING_CODE_LIST.map((code, i) => [code, i]));
  return [...findings].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      a.post - b.post ||
      (a.block ?? -1) - (b.block ?? -1) ||
      (codeOrder.get(a.code) ?? 0) - (codeOrder.get(b.code) ?? 0) ||
      compareText(a.url ?? '', b.url ?? ''),
  );
}

// Code-unit order, not localeCompare: the same on every machine and locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
