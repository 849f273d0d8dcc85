import {
  damagedAnchorCount,
  LINK_STATUSES,
  type Finding,
  type LinkStatus,
  type Report,
  type ReportCitation,
  type ReportPost,
  type Severity,
} from '../types.js';
import { severityRank } from '../report/codes.js';
import { isOmittedSummary } from '../report/derive-findings.js';

export { FAILING_STATUSES } from '../types.js';
import { shorten } from '../report/shorten.js';
export { shorten };

/**
 * A run of more posts than this is an archive audit: the terminal report shows the summary and
 * the failing citations only (`--verbose` lists every post), the HTML report is an index.
 */
export const ARCHIVE_POSTS = 50;

/** Short upper-case badge per status, shared by every human-facing format. */
const STATUS_BADGES: Readonly<Record<LinkStatus, string>> = {
  broken: 'BROKEN',
  unreachable: 'UNREACHABLE',
  'soft-404': 'SOFT-404',
  timeout: 'TIMEOUT',
  blocked: 'BLOCKED',
  ok: 'OK',
  excluded: 'EXCLUDED',
  skipped: 'SKIPPED',
  unchecked: 'UNCHECKED',
};

/** Badge of a citation: INVALID for a malformed URL, else its status badge. */
export function citationBadge(c: ReportCitation): string {
  return c.errorCode === 'INVALID_URL' ? 'INVALID' : STATUS_BADGES[c.status];
}

/** Finding lookups by post, block and citation, built once per render. */
export interface FindingIndex {
  /** Findings about the post as a whole (no block), e.g. INPUT_REPAIRED. */
  ofPost(post: number): Finding[];
  /** Every finding of one post, its blocks' included. */
  allOfPost(post: number): Finding[];
  /** Every finding of one block. */
  ofBlock(post: number, block: number): Finding[];
  /** Findings about one citation (matched by its exact URL). */
  ofCitation(post: number, block: number, citation: ReportCitation): Finding[];
  /** ANCHOR_DAMAGED findings of a block, in reading order (one per anchor, up to the cap). */
  damagedOf(post: number, block: number): Finding[];
  /** The cap's summary findings of a block ("N more CODE findings are not listed"). */
  omittedOf(post: number, block: number): Finding[];
  /** CLAIM_UNCITED finding of a block, if any. */
  uncitedOf(post: number, block: number): Finding | undefined;
}

/** Indexes the report's findings for formatters that render them in place. */
export function indexFindings(report: Report): FindingIndex {
  const byBlock = new Map<string, Finding[]>();
  const byPost = new Map<number, Finding[]>();
  const allByPost = new Map<number, Finding[]>();
  // Push into one array per key: copying the array per finding was quadratic in a block's findings.
  const add = <K>(map: Map<K, Finding[]>, key: K, f: Finding): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [f]);
    else list.push(f);
  };
  for (const f of report.findings) {
    add(allByPost, f.post, f);
    if (f.block === undefined) add(byPost, f.post, f);
    else add(byBlock, `${f.post}:${f.block}`, f);
  }
  const ofBlock = (post: number, block: number) => byBlock.get(`${post}:${block}`) ?? [];
  return {
    ofPost: (post) => byPost.get(post) ?? [],
    allOfPost: (post) => allByPost.get(post) ?? [],
    ofBlock,
    // Citation findings carry the exact cited URL (derive-findings keys them so).
    ofCitation: (post, block, c) => ofBlock(post, block).filter((f) => f.url !== undefined && f.url === c.url),
    damagedOf: (post, block) => ofBlock(post, block).filter((f) => f.code === 'ANCHOR_DAMAGED' && !isOmittedSummary(f)),
    omittedOf: (post, block) => ofBlock(post, block).filter(isOmittedSummary),
    uncitedOf: (post, block) => ofBlock(post, block).find((f) => f.code === 'CLAIM_UNCITED'),
  };
}

/** Most severe severity among findings, or undefined when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings)
    if (worst === undefined || severityRank(f.severity) > severityRank(worst)) worst = f.severity;
  return worst;
}

/** Sort weight for "failing items first": errors 3, warnings 2, notes 1, clean 0. */
export function failureWeight(findings: readonly Finding[]): number {
  const worst = worstSeverity(findings);
  return worst === undefined ? 0 : severityRank(worst);
}

/** A post of the report with its findings, as the formatters list posts. */
export interface PostInOrder {
  /** The post. */
  post: ReportPost;
  /** Its index in `report.posts` (findings refer to it). */
  i: number;
  /** Every finding of the post (post-level and per block), in report order. */
  findings: Finding[];
  /** Its failure weight (see failureWeight): 0 for a post without findings. */
  weight: number;
}

/**
 * The posts, the ones that need a human first: by failure weight, most severe first, input
 * order among equals (the sort is stable). Findings are grouped in one pass.
 */
export function postsFailingFirst(report: Report): PostInOrder[] {
  const byPost = new Map<number, Finding[]>();
  for (const f of report.findings) {
    const list = byPost.get(f.post);
    if (list) list.push(f);
    else byPost.set(f.post, [f]);
  }
  return report.posts
    .map((post, i) => {
      const findings = byPost.get(i) ?? [];
      return { post, i, findings, weight: failureWeight(findings) };
    })
    .sort((a, b) => b.weight - a.weight);
}

/** Citations with failing statuses first (in LINK_STATUSES order, malformed URLs among the errors), otherwise in reading order. */
export function citationsFailingFirst(citations: readonly ReportCitation[]): ReportCitation[] {
  // A malformed URL is an error like a broken one, though its status is `skipped`.
  const rank = (c: ReportCitation) => (c.errorCode === 'INVALID_URL' ? 2.5 : LINK_STATUSES.indexOf(c.status));
  return [...citations].sort((a, b) => rank(a) - rank(b));
}

/** The longest post title a report shows as the post's name. */
const POST_NAME_CHARS = 200;

/** Human name of a post: its title, else its source. */
export function postName(post: ReportPost): string {
  // A title is one line of a report: a page's 15 KB <title> is cut (the JSON keeps it whole).
  return post.title !== undefined && post.title.trim() !== '' ? shorten(post.title, POST_NAME_CHARS) : post.source;
}

/** Link figures of one post, for per-post summaries. */
export interface PostFigures {
  /** Sources cited in the post, each counted once where it is written (not again in the claims a note credits). */
  citations: number;
  /** Links that are not sources (image, tag, share… links): never checked, never counted as citations. */
  notSources: number;
  /** Outbound citations that could be requested (http(s), valid, not internal). */
  checkable: number;
  /** Anchors that lost their URL. */
  damagedAnchors: number;
  /** Citations (sources) per status. */
  byStatus: Record<LinkStatus, number>;
  /** True when anchors lost their URL and no checkable source is left: the post lost its sources. */
  lostSources: boolean;
}

/**
 * Counts a post's citations and damaged anchors as the run's totals do: a link that is not a
 * source apart, a source credited from outside a block once, where it is written.
 */
export function postFigures(post: ReportPost): PostFigures {
  const byStatus = Object.fromEntries(LINK_STATUSES.map((s) => [s, 0])) as Record<LinkStatus, number>;
  let citations = 0;
  let notSources = 0;
  let checkable = 0;
  let damagedAnchors = 0;
  for (const block of post.blocks) {
    damagedAnchors += damagedAnchorCount(block);
    for (const c of block.citations) {
      if (c.role !== undefined) notSources += 1;
      if (c.role !== undefined || c.via !== undefined) continue;
      citations += 1;
      byStatus[c.status] += 1;
      if (c.checkUrl !== undefined && c.invalid === undefined && !c.isInternal) checkable += 1;
    }
  }
  return {
    citations,
    notSources,
    checkable,
    damagedAnchors,
    byStatus,
    lostSources: damagedAnchors > 0 && checkable === 0,
  };
}

/**
 * One sentence saying how much of a post's sourcing is gone, or undefined when nothing is.
 * Shared so every format says the same thing (and never "0 links, all good" for a gutted post).
 */
export function sourcesLostSentence(figures: PostFigures): string | undefined {
  const one = figures.damagedAnchors === 1;
  const anchors = `${figures.damagedAnchors} ${one ? 'anchor' : 'anchors'}`;
  const their = one ? 'its' : 'their';
  if (figures.lostSources) {
    return `This post lost its sources: ${anchors} kept ${their} text but lost ${their} URL, and no checkable link is left.`;
  }
  if (figures.damagedAnchors > 0)
    return `${anchors} lost ${their} URL; the claims ${one ? 'it' : 'they'} supported have no source any more.`;
  return undefined;
}

/** The whole run lost its sources: anchors survive, no checkable link does. Undefined otherwise. */
export function runSourcesLostSentence(report: Report): string | undefined {
  const t = report.totals;
  if (t.citations > 0 || t.damagedAnchors === 0) return undefined;
  return `No checkable link is left, and ${plural(t.damagedAnchors, 'anchor')} lost their URL: the sources are gone.`;
}

/**
 * Links were found but none was requested, because every one was excluded or skipped: an
 * all-green summary would then claim checks that never happened. Says why, and how to check
 * links the private-address policy kept out. Undefined when something was checked, offline.
 */
export function nothingCheckedSentence(report: Report): string | undefined {
  const t = report.totals;
  if (report.offline || t.uniqueUrls === 0 || checkedUrls(report) > 0 || t.byStatus.excluded === 0) return undefined;
  const privateUrls = new Set<string>();
  for (const post of report.posts) {
    for (const block of post.blocks) {
      for (const c of block.citations) if (c.errorCode === 'PRIVATE_ADDRESS') privateUrls.add(c.checkUrl ?? c.url);
    }
  }
  const why =
    privateUrls.size > 0
      ? ` (${privateUrls.size} by the private-address policy: --allow-private checks ${privateUrls.size === 1 ? 'it' : 'them'})`
      : '';
  return `No link was checked: ${plural(t.byStatus.excluded, 'URL')} excluded${why}${t.byStatus.skipped > 0 ? `, ${t.byStatus.skipped} skipped` : ''}.`;
}

/** Unique URLs that were really checked (requested, or answered from the cache). */
export function checkedUrls(report: Report): number {
  const b = report.totals.byStatus;
  return report.totals.uniqueUrls - b.excluded - b.skipped - b.unchecked;
}

/** What a citation's archive facts say, in the words every human-facing format uses. */
export interface ArchiveView {
  /** "archived 2024-04-30", "archive of", "no archived copy", "archive lookup failed", "archive not asked". */
  label: string;
  /** The capture's URL (found) or the captured URL (an archive link), to show or link. */
  url?: string;
  /** Anything after the URL: the capture date of an archive link, the drift similarity. */
  detail?: string;
}

/** The archive facts of a citation for display, or undefined when there are none. */
export function archiveView(c: ReportCitation): ArchiveView | undefined {
  const a = c.archive;
  // The post's own archived copy (Robust Links, or the annotation `citecheck fix` writes).
  if (a === undefined)
    return c.archivedCopy !== undefined ? { label: 'archived copy in the post', url: c.archivedCopy } : undefined;
  const day = a.capturedAt?.slice(0, 10);
  const similarity = a.similarity !== undefined ? `similarity ${a.similarity.toFixed(2)}` : undefined;
  switch (a.status) {
    case 'found':
      return { label: day ? `archived ${day}` : 'archived', url: a.url, detail: similarity };
    case 'archive-link':
      return a.originalUrl !== undefined
        ? { label: 'archive of', url: a.originalUrl, detail: day ? `captured ${day}` : undefined }
        : { label: 'an archived copy', detail: day ? `captured ${day}` : undefined };
    case 'missing':
      return { label: 'no archived copy' };
    case 'lookup-failed':
      return { label: 'archive lookup failed', detail: a.reason };
    case 'not-asked':
      return { label: 'archive not asked', detail: a.reason };
  }
}

/** Duration for humans: "850 ms", "12.3 s", "4 min 05 s". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** "1 post" / "2 posts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
