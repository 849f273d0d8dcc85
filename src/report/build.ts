import { archiveKey, recognizeArchiveUrl } from '../archive/archive-url.js';
import type { ConfirmRule } from '../config/options.js';
import type {
  Block,
  Shard,
  CitationArchive,
  ExtractedPost,
  HostStats,
  Report,
  ReportBlock,
  ReportCitation,
  ReportPost,
  Severity,
} from '../types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { isAtOrAbove } from './codes.js';
import { deriveFindings, findingCount } from './derive-findings.js';
import { redactReport } from './redact.js';
import { inputsFingerprint, shardFindings } from './shard.js';
import { computeTotals } from './totals.js';
import { citationVerdict } from './citation-verdict.js';
import { blockLiteral } from '../extract/compact.js';
import type { ResultLookup } from '../links/offline-results.js';

/** Everything a run produced, as the report builder needs it. */
export interface BuildReportInput {
  /** Extracted posts, in input order. */
  posts: ExtractedPost[];
  /** Check results keyed by citation.checkUrl. */
  results: ResultLookup;
  /** Per-host figures from the engine. */
  hosts?: HostStats[];
  /** When the run started. */
  startedAt: Date;
  /** How long the run took, in ms. */
  durationMs: number;
  /** The run was stopped early; missing results become `unchecked`. */
  interrupted?: boolean;
  /** No request was made. */
  offline?: boolean;
  /** Archive facts by `archiveKey(checkUrl, post date)` (the archive stage). */
  archives?: ReadonlyMap<string, CitationArchive>;
  /** The archive the run asked, so links into it are recognised as archive links. */
  archiveEndpoint?: string;
  /** `--confirm`, for the wording of LINK_FAILING. */
  confirm?: ConfirmRule;
  /**
   * Let go of each extracted post as soon as its report post is built (`posts` is emptied), so
   * an archive is never held twice; for a run that owns its posts. The report shares their
   * texts and lists either way.
   */
  releasePosts?: boolean;
  /** The shard of a sharded run (`--shard k/n`): the report keeps the findings this shard reports. */
  shard?: Shard;
}

/**
 * Builds the Report: pairs every citation with its verdict, derives the findings (worded in
 * messages.ts), counts totals. Pure and deterministic: the same input gives the same report.
 */
export function buildReport(input: BuildReportInput): Report {
  // The quotes each citation made, from extraction: QUOTE_NOT_FOUND names only those missing.
  const quotesOf = new Map<ReportCitation, readonly string[]>();
  const posts: ReportPost[] = [];
  for (let i = 0; i < input.posts.length; i++) {
    posts.push(toReportPost(input.posts[i], input.results, quotesOf, input.releasePosts === true));
    if (input.releasePosts) (input.posts as Array<ExtractedPost | undefined>)[i] = undefined;
  }
  if (input.releasePosts) input.posts.length = 0;
  for (const post of posts) attachArchives(post, input);
  const derived = deriveFindings(posts, input.results, (c) => quotesOf.get(c) ?? [], { confirm: input.confirm });
  redactReport(posts, derived);
  const findings = input.shard ? shardFindings(derived, input.shard) : derived;
  const hosts = [...(input.hosts ?? [])]
    .map((h) => ({
      host: h.host,
      requests: h.requests,
      retries: h.retries,
      backoffs: h.backoffs,
      maxInFlight: h.maxInFlight,
    }))
    .sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
  const report: Report = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    startedAt: input.startedAt.toISOString(),
    durationMs: input.durationMs,
    interrupted: input.interrupted === true,
    offline: input.offline === true,
    totals: computeTotals(posts, findings),
    posts,
    findings,
    hosts,
  };
  if (input.shard) {
    const { index, count } = input.shard;
    report.shard = { index, count, inputs: inputsFingerprint(posts) };
  }
  return report;
}

/** Exit status of a finished run: 1 when any finding is at or above `failOn`, else 0. */
export function exitCodeForReport(report: Report, failOn: Severity | 'never'): 0 | 1 {
  return report.findings.some((f) => isAtOrAbove(f.severity, failOn)) ? 1 : 0;
}

/** Why a run fails: how many findings reached `--fail-on`, by code ("exit 1: 2 findings …"). */
export function failOnSentence(report: Report, failOn: Severity | 'never'): string {
  const byCode = new Map<string, number>();
  let tripped = 0;
  for (const f of report.findings) {
    if (!isAtOrAbove(f.severity, failOn)) continue;
    const n = findingCount(f);
    byCode.set(f.code, (byCode.get(f.code) ?? 0) + n);
    tripped += n;
  }
  const codes = [...byCode].map(([code, n]) => `${n} ${code}`).join(', ');
  return `exit 1: ${tripped} ${tripped === 1 ? 'finding' : 'findings'} at or above --fail-on ${failOn} (${codes})`;
}

/**
 * Puts on each citation what is known about archived copies: the link is itself a capture
 * (parsed from its URL, no network needed), or what the archive stage found for its URL at
 * this post's date.
 */
function attachArchives(post: ReportPost, input: BuildReportInput): void {
  // Index loops: once over every block, where for…of made an iterator per block (see totals.ts).
  const blocks = post.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const citations = blocks[b].citations;
    for (let i = 0; i < citations.length; i++) {
      const c = citations[i];
      const archive = archiveOf(c, post.published, input);
      if (archive !== undefined) c.archive = archive;
    }
  }
}

function archiveOf(c: ReportCitation, published: string | undefined, input: BuildReportInput) {
  if (c.checkUrl === undefined || c.invalid !== undefined) return undefined;
  const link = recognizeArchiveUrl(c.url, input.archiveEndpoint);
  if (link !== undefined) return withoutUndefined({ status: 'archive-link' as const, url: c.url, ...link });
  const fact = input.archives?.get(archiveKey(c.checkUrl, published));
  return fact === undefined ? undefined : structuredClone(fact);
}

/**
 * The post with verdicts. Only citations get new objects (they gain a verdict); a block's
 * signals, damaged anchors and credits are the extraction's own arrays, not copies, because an
 * archive report holds hundreds of thousands of them and nothing downstream changes them.
 */
function toReportPost(
  post: ExtractedPost,
  results: ResultLookup,
  quotesOf: Map<ReportCitation, readonly string[]>,
  release: boolean,
): ReportPost {
  // The known fields only (a field a source adds to Post is not published by accident), set
  // one by one in one order: every post then shares one hidden class (a spread of an object
  // built from entries gave each post of an archive its own). The JSON formatter orders keys.
  const out = { source: post.source, kind: post.kind } as ReportPost;
  for (const key of POST_FIELDS) {
    const value = post[key];
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  out.warnings = post.warnings.map((w) => withoutUndefined({ ...w }));
  // With `release`, each block of the post is let go of as its report block is made (one post
  // of an 18 MB file is most of a run: its citations were held twice, at the run's peak).
  const blocks = post.blocks;
  out.blocks = new Array<ReportBlock>(blocks.length);
  for (let b = 0; b < blocks.length; b++) {
    out.blocks[b] = toReportBlock(blocks[b], results, quotesOf);
    if (release) (blocks as Array<Block | undefined>)[b] = undefined;
  }
  return out;
}

/** A block with verdicts (see toReportPost). */
function toReportBlock(
  block: Block,
  results: ResultLookup,
  quotesOf: Map<ReportCitation, readonly string[]>,
): ReportBlock {
  const { credits } = block;
  const signals = block.signals.length === 0 ? (NONE as typeof block.signals) : block.signals;
  const damagedAnchors =
    block.damagedAnchors.length === 0 ? (NONE as typeof block.damagedAnchors) : block.damagedAnchors;
  // Empty lists are one shared list: most blocks of a long page have no link, and one array
  // per list and block was ~10 MB of the report of 100,000 short paragraphs.
  const citations =
    block.citations.length === 0
      ? (NONE as ReportCitation[])
      : block.citations.map((c) => {
          const verdict = citationVerdict(c, results);
          if (c.quotes !== undefined) quotesOf.set(verdict, c.quotes);
          return verdict;
        });
  // One literal (see blockLiteral), rather than fields added later: a second allocation per block.
  const out: ReportBlock = blockLiteral(block, signals, citations, damagedAnchors);
  if (block.damagedAnchorsOmitted !== undefined) out.damagedAnchorsOmitted = block.damagedAnchorsOmitted;
  if (credits !== undefined) out.credits = credits;
  if (block.firsthand !== undefined) out.firsthand = block.firsthand;
  return out;
}

/** The empty list of every report block that has no signal, citation or damaged anchor (frozen: shared). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Optional fields of a post copied into the report, in contract order. */
const POST_FIELDS = ['id', 'slug', 'title', 'url', 'published', 'modified', 'baseUrl', 'bodySelector'] as const;

/** Drops keys whose value is undefined, so reports serialise identically however built. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
