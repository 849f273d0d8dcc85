/**
 * The data model shared by every stage of citecheck.
 *
 * Pipeline: inputs → `Post` (sources) → `ExtractedPost` with `Block`/`Citation`/`DamagedAnchor`
 * (extract) → `CheckTarget` per unique URL, planned (links) → `CheckResult` (check) → `Finding` and
 * `Report` (report) → string (formatters). A stage imports this file and the stages before it.
 */

/** The closed set of link verdicts (PRODUCT.md). */
export type LinkStatus =
  'ok' | 'broken' | 'blocked' | 'soft-404' | 'timeout' | 'unreachable' | 'excluded' | 'skipped' | 'unchecked';

/** Every status, in the order reports list them (failures first). */
export const LINK_STATUSES: readonly LinkStatus[] = [
  'broken',
  'unreachable',
  'soft-404',
  'timeout',
  'blocked',
  'ok',
  'excluded',
  'skipped',
  'unchecked',
];

/** Statuses that mean the source may be gone: a human must act or look. */
export type FailingStatus = 'broken' | 'unreachable' | 'soft-404' | 'timeout' | 'blocked';

/** The failing statuses, in LINK_STATUSES order: the one list (progress, cache history, reports). */
export const FAILING_STATUSES: ReadonlySet<LinkStatus> = new Set<FailingStatus>([
  'broken',
  'unreachable',
  'soft-404',
  'timeout',
  'blocked',
]);

/** True for a status that counts as a failed check. */
export function isFailingStatus(status: LinkStatus): status is FailingStatus {
  return FAILING_STATUSES.has(status);
}

/**
 * Most items of one kind a block lists: findings of one code (the rest are counted by one summary
 * finding, see report/derive-findings.ts; post-level findings: per post) and damaged anchors (the
 * rest counted in Block.damagedAnchorsOmitted). Without it a hostile paragraph of 6,000 links or
 * 30,000 lost anchors made a report quadratic in size.
 */
export const MAX_LISTED_PER_BLOCK = 50;

/** Every damaged anchor of a block, those not listed too. */
export function damagedAnchorCount(block: Pick<Block, 'damagedAnchors' | 'damagedAnchorsOmitted'>): number {
  return block.damagedAnchors.length + (block.damagedAnchorsOmitted ?? 0);
}

/** Severity of a finding, most severe first. */
export type Severity = 'error' | 'warning' | 'note';

/** Finding codes; they double as SARIF rule ids and JUnit failure types. */
export type FindingCode =
  | 'LINK_BROKEN'
  | 'LINK_UNREACHABLE'
  | 'LINK_SOFT_404'
  | 'LINK_INVALID'
  | 'ANCHOR_DAMAGED'
  | 'LINK_TIMEOUT'
  | 'LINK_BLOCKED'
  | 'LINK_REDIRECT_PERMANENT'
  | 'FRAGMENT_MISSING'
  | 'QUOTE_NOT_FOUND'
  | 'INPUT_REPAIRED'
  | 'CLAIM_UNCITED'
  | 'LINK_INSECURE_HTTP'
  | 'ARCHIVE_AVAILABLE'
  | 'ARCHIVE_MISSING'
  | 'SOURCE_CHANGED'
  | 'LINK_FAILING';

/** Stable error codes carried by a failed check (never thrown: a link failure is data). */
export type CheckErrorCode =
  | 'DNS_NOT_FOUND'
  | 'DNS_FAILURE'
  | 'CONNECTION_REFUSED'
  | 'CONNECTION_RESET'
  | 'CONNECT_TIMEOUT'
  | 'HEADERS_TIMEOUT'
  | 'BODY_TIMEOUT'
  | 'RESPONSE_TIMEOUT'
  | 'TLS_INVALID'
  | 'TOO_MANY_REDIRECTS'
  | 'REDIRECT_LOOP'
  | 'REDIRECT_BAD_SCHEME'
  | 'REDIRECT_NO_LOCATION'
  | 'PRIVATE_ADDRESS'
  | 'EXCLUDED_PATTERN'
  | 'EXAMPLE_DOMAIN'
  /** localhost, *.localhost, *.test without --allow-private (names for local setups). */
  | 'LOCAL_NAME'
  | 'NOT_A_SOURCE'
  | 'UNSUPPORTED_SCHEME'
  | 'INVALID_URL'
  | 'HTTP_ERROR'
  | 'BOT_CHALLENGE'
  | 'RATE_LIMITED'
  | 'SOFT_404'
  | 'UNKNOWN';

// ---------------------------------------------------------------------------
// Sources: inputs → Post
// ---------------------------------------------------------------------------

/** What kind of document a post came from. */
export type InputKind = 'wordpress' | 'html' | 'markdown';

/** Something the loader had to do to read the input (e.g. repair damaged JSON). */
export interface InputWarning {
  /** Finding code this warning becomes in the report (today always INPUT_REPAIRED). */
  code: 'INPUT_REPAIRED';
  /** What was repaired, e.g. "raw newline inside a string". */
  repair: string;
  /** Where, in human terms: "line 1, column 513" or "offset 2669". */
  where?: string;
  /** 1-based line in the source file, when known (for SARIF/annotations). */
  line?: number;
}

/** One post as read from an input, before extraction. */
export interface Post {
  /** Where it came from: a file path as given, a URL, or "-" for stdin. */
  source: string;
  /** The input format. */
  kind: InputKind;
  /** Post id (WordPress `id`), when known. */
  id?: number | string;
  /** Post slug, when known. */
  slug?: string;
  /** Title with entities decoded. */
  title?: string;
  /** Permalink / canonical URL of the post. */
  url?: string;
  /** Publish date (ISO 8601, UTC when the input gives it). */
  published?: string;
  /** Last modified date (ISO 8601). */
  modified?: string;
  /** Base URL for resolving relative links (base href, canonical, permalink). */
  baseUrl?: string;
  /** The body to extract from. */
  body: string;
  /** Markup of `body`. */
  bodyFormat: 'html' | 'markdown';
  /** 1-based line in the source file where the body starts (for locations), when known. */
  bodyLine?: number;
  /** HTML pages: which element was read as the article body, as a CSS-ish path (`body > main > article`). */
  bodySelector?: string;
  /**
   * HTML pages: the hosts (without "www.") of the page's own site — its canonical's, og:url's,
   * the address it was read from, and where most of its navigation links go — whose links are
   * the site's own, not outbound sources.
   */
  siteHosts?: string[];
  /**
   * HTML pages: the names the page gives its own site (og:site_name, application-name, a
   * publisher meta, the JSON-LD publisher, the title's last part: "… - The Coastal Times"), the
   * outlet a claim "told The Coastal Times" was told to (extract/firsthand.ts). Read by
   * extraction only: not in the report.
   */
  outletNames?: string[];
  /** Repairs and other loader warnings. */
  warnings: InputWarning[];
}

// ---------------------------------------------------------------------------
// Extract: Post → blocks, citations, damaged anchors, claim signals
// ---------------------------------------------------------------------------

/**
 * Kind of a text block. A `footnote` (a note a mark points to), a `source-line` ("Source: …",
 * an attribution under a paragraph or quote) and a `reference` (an entry of the post's
 * reference list) are no claims: they credit the blocks that point to them (Block.credits).
 */
export type BlockKind =
  | 'paragraph'
  | 'heading'
  | 'list-item'
  | 'blockquote'
  | 'table-cell'
  | 'figcaption'
  | 'definition-term'
  | 'definition'
  | 'footnote'
  | 'source-line'
  | 'reference';

/** Why a block counts as a claim. */
export type ClaimSignal = 'citation' | 'quote' | 'number' | 'attribution' | 'statement' | 'causal';

/** The words behind a claim signal ("62%", "officials said", a quoted span). */
export interface ClaimEvidence {
  /** The signal these words raised. */
  signal: ClaimSignal;
  /** The words, as written (a quote shortened to 60 characters). */
  text: string;
}

/** Where a citation came from in the markup. */
export type CitationOrigin = 'a' | 'blockquote-cite' | 'q-cite' | 'img' | 'iframe';

/**
 * Why a link is not a source: an image-only link, a tag or category archive, a share, print,
 * subscribe or comment widget, a jump to a lightbox, the site's own navigation, a link on a
 * name or subject to that thing's own page (`entity`: a profile, home page, encyclopedia entry,
 * topic or stock-quote page). Such links stay in the report and never count as a source of a claim.
 */
export type CitationRole =
  'image' | 'tag' | 'share' | 'print' | 'subscribe' | 'comment' | 'lightbox' | 'navigation' | 'entity';

/**
 * How a link outside a block credits it: through a footnote the block marks, a source line
 * right under it ("Source: …", a `<cite>` or `<figcaption>` with a link), an entry of the
 * post's reference list the block points to by number or name, or (for a quote) the linked
 * paragraph right before it that introduces it.
 */
export type CitationVia = 'footnote' | 'source-line' | 'reference-list' | 'quote-intro';

/** One link found inside a block. */
export interface Citation {
  /** Normalised absolute URL including any fragment; the raw href when it is invalid. */
  url: string;
  /** The href exactly as written. */
  rawHref: string;
  /** Normalised absolute URL without the fragment: the key shared with CheckTarget/CheckResult. */
  checkUrl?: string;
  /** Fragment without "#", when present. */
  fragment?: string;
  /** Why the URL could not be parsed (then it is not checked and raises LINK_INVALID). */
  invalid?: string;
  /**
   * Why a link to the site itself could not be resolved to a URL (a site-generator template such
   * as Hugo's `{{< ref "x.md" >}}`, or no post URL to resolve against): it is `unchecked`.
   */
  unresolved?: string;
  /** Link text, whitespace collapsed. */
  anchorText: string;
  /** The sentence of the block that contains the link. */
  sentence: string;
  /**
   * Quoted spans (≥ 4 words) of the block that lie in `sentence`: what the post says the
   * source says, verified on the page (QUOTE_NOT_FOUND). Computed once, at extraction; absent
   * when there are none.
   */
  quotes?: string[];
  /** `rel` tokens, lower-cased (nofollow, sponsored, ugc, …). */
  rel: string[];
  /** True when the link points to the post's own site (or is fragment-only). */
  isInternal: boolean;
  /** Which element the link came from. */
  origin: CitationOrigin;
  /** 1-based line of the link itself in the source file, when known. */
  line?: number;
  /**
   * Why the user asked for the link not to be checked (a `citecheck-ignore` comment, the
   * config's `ignore` list): it is reported `excluded` with this reason and never requested.
   */
  ignored?: string;
  /** Why the link is not a source; absent for sources. */
  role?: CitationRole;
  /** How a link written outside the block credits it; absent for links in the block's own text. */
  via?: CitationVia;
  /**
   * The archived copy the post itself links for this source: a Robust Links `data-versionurl`
   * on the `<a>`, or an "([archived](…))" right after the link (what `citecheck fix` writes).
   * A failing source with one is rescued: ARCHIVE_AVAILABLE, not LINK_BROKEN.
   */
  archivedCopy?: string;
}

/** An anchor whose URL was lost: an orphan `</a>` or an `<a>` without a usable href. */
export interface DamagedAnchor {
  /** The surviving anchor text (for an orphan `</a>`, the words it most plausibly wrapped). */
  anchorText: string;
  /** The sentence it sits in. */
  sentence: string;
  /**
   * What is wrong: the opening tag is gone, the href is missing/empty/"#", or a Markdown
   * reference link (`[text][label]`) names a label that is never defined.
   */
  reason: 'orphan-close-tag' | 'missing-href' | 'empty-href' | 'undefined-reference';
  /** 1-based line of the anchor itself in the source file, when known. */
  line?: number;
}

/** One block of text in reading order. */
export interface Block {
  /** 0-based position in the post. */
  index: number;
  /** Block kind. */
  kind: BlockKind;
  /** Normalised text (entities decoded, whitespace collapsed). */
  text: string;
  /** A non-heading block with at least one signal. */
  isClaim: boolean;
  /** Claim signals, in the order citation, quote, number, attribution, statement. */
  signals: ClaimSignal[];
  /** Why the block counts as a claim: the words behind each quote/number/attribution signal (at most 3 each). */
  evidence?: ClaimEvidence[];
  /** Links inside the block. */
  citations: Citation[];
  /** Anchors that lost their URL: the first MAX_LISTED_PER_BLOCK of them (see damagedAnchorsOmitted). */
  damagedAnchors: DamagedAnchor[];
  /**
   * How many more anchors of the block lost their URL and are not listed (only when some are
   * not): a hostile paragraph of 70,000 orphan `</a>` kept an object and a JSON entry for each.
   */
  damagedAnchorsOmitted?: number;
  /** 1-based line in the source file, when known. */
  line?: number;
  /**
   * The footnotes, source lines and reference entries that credit this block, by block index
   * (their links are also among `citations`, with `via`): a credited claim is not uncited,
   * even when its note names a source without a link.
   */
  credits?: BlockCredit[];
  /**
   * Why the claim's source is the writer or the outlet itself — said to them ("told The Coastal
   * Times", "said in an interview", "told me"), their own analysis or documents ("a Ledger
   * analysis found", "documents obtained by The Ledger"): firsthand reporting, not uncited.
   */
  firsthand?: Firsthand;
}

/** Why a claim is firsthand reporting (Block.firsthand). */
export interface Firsthand {
  /** The words that say so, outside quotation marks (at most three). */
  words: string[];
  /**
   * For a speaker's later words ("Reyes said", "she said" right after): the block where they
   * spoke to the outlet.
   */
  block?: number;
}

/** A block that credits another from outside it. */
export interface BlockCredit {
  /** How it credits: a footnote, a source line, a reference-list entry, the linked paragraph introducing a quote. */
  via: CitationVia;
  /** Index of the crediting block in the post. */
  block: number;
  /**
   * The entry of a closing "Sources: …" line (one block holding several entries) the credited
   * block names ("Daily Ledger"): the block carries that entry's links alone.
   */
  entry?: string;
}

/** A post after extraction. */
export interface ExtractedPost extends Omit<Post, 'body' | 'bodyFormat' | 'bodyLine' | 'outletNames'> {
  /** Blocks in reading order. */
  blocks: Block[];
}

// ---------------------------------------------------------------------------
// Links and check: unique URL → CheckResult
// ---------------------------------------------------------------------------

/** One unique URL to check, however many citations share it. */
export interface CheckTarget {
  /** Normalised absolute URL without fragment. */
  url: string;
  /** Fragments cited for this URL (without "#"). */
  fragments: string[];
  /** Quoted spans (≥ 4 words) from the citing sentences, verified on the page (QUOTE_NOT_FOUND). */
  quotes: string[];
}

/** One hop of a redirect chain. */
export interface RedirectHop {
  /** The URL that answered with a redirect. */
  url: string;
  /** Its status (301, 302, 303, 307, 308). */
  status: number;
  /** The absolute URL it pointed to. */
  location: string;
}

/** Past checks of a URL, kept by the cache. */
export interface CheckHistory {
  /** ISO time of the first check we remember. */
  firstCheckedAt: string;
  /** ISO time since when the URL has failed continuously, if it is failing. */
  failingSince?: string;
  /** How many checks are remembered. */
  checks: number;
  /** How many of them failed. */
  failures: number;
  /** Failed checks in a row since `failingSince` (what `--confirm` counts). */
  failingChecks?: number;
}

/** The verdict for one unique URL. Never thrown: failures are values. */
export interface CheckResult {
  /** The checked URL (CheckTarget.url). */
  url: string;
  /** Verdict. */
  status: LinkStatus;
  /** Final HTTP status code, when a response arrived. */
  httpStatus?: number;
  /** Final URL after redirects, when different from `url`. */
  finalUrl?: string;
  /** Redirect chain, in order. */
  redirects: RedirectHop[];
  /** Machine code for failures and special cases. */
  errorCode?: CheckErrorCode;
  /** Short human detail (e.g. the matched exclude pattern, the resolved private address). */
  reason?: string;
  /** Fragments cited but missing on the page (with --check-fragments). */
  missingFragments?: string[];
  /** Quotes cited for this URL whose text no longer appears on the page (checkQuotes). */
  missingQuotes?: string[];
  /** Number of requests made (retries and redirects included). */
  attempts: number;
  /** ISO time of the check. */
  checkedAt: string;
  /** Duration of the whole check in ms. */
  durationMs: number;
  /** True when reused from the cache without a request. */
  fromCache?: boolean;
  /** History across runs (with --cache). */
  history?: CheckHistory;
  /** A transient failure (timeout, reset, 5xx) that `--confirm` does not yet call dead. */
  unconfirmed?: boolean;
}

/** Per-host figures of a run. */
export interface HostStats {
  /** Host name (with port when not default). */
  host: string;
  /** Requests sent. */
  requests: number;
  /** Retries among them. */
  retries: number;
  /** Times the host's lane was slowed or paused (429/503/Retry-After). */
  backoffs: number;
  /** Highest number of requests in flight at once. */
  maxInFlight: number;
}

/** Progress events of the checking engine (it never prints). */
export interface CheckProgress {
  /** URLs finished. */
  done: number;
  /** URLs in the run. */
  total: number;
  /** Requests in flight now. */
  inFlight: number;
  /** Failures so far (any status other than ok/excluded/skipped/unchecked). */
  failures: number;
  /** Hosts currently backing off. */
  backingOff: string[];
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

/** A finding: data with a code; all wording lives in report/messages.ts. */
export interface Finding {
  /** Finding code (SARIF rule id). */
  code: FindingCode;
  /** Severity of the code. */
  severity: Severity;
  /** Human message, produced from code + args in one place. */
  message: string;
  /** Index of the post in `Report.posts`. */
  post: number;
  /** The post's source (file path or URL), for locations. */
  source: string;
  /** Block index within the post, when the finding is about a block. */
  block?: number;
  /** The URL concerned, when any. */
  url?: string;
  /** 1-based line in the source file, when known. */
  line?: number;
  /** Values the message was built from. */
  args: Record<string, string | number>;
}

/** How the archive answered for a citation. */
export type ArchiveStatus = 'found' | 'missing' | 'archive-link' | 'lookup-failed' | 'not-asked';

/** What is known about archived copies of a cited source (`citations[].archive`). */
export interface CitationArchive {
  /**
   * `found`: a capture near the post date; `missing`: the archive has none; `archive-link`: the
   * citation itself points into an archive; `lookup-failed`: the archive did not answer;
   * `not-asked`: the host is private (by name, or by the address it resolved to with
   * --allow-private) and the public archive is never told of it.
   */
  status: ArchiveStatus;
  /** The capture's URL (for `archive-link`, the cited URL itself). */
  url?: string;
  /** When the capture was made (ISO 8601, UTC). */
  capturedAt?: string;
  /** The URL that was captured, when the citation is an archive link. */
  originalUrl?: string;
  /** `--drift`: share of the page's word shingles the live page and the capture have in common (0–1). */
  similarity?: number;
  /** Quotes the live page lost that the capture still has (they raise SOURCE_CHANGED). */
  quotesInCapture?: string[];
  /** Why the lookup failed, or was not made. */
  reason?: string;
}

/**
 * A citation with its check verdict. Its quotes stay on the extracted citation: the report
 * says which are missing through QUOTE_NOT_FOUND findings.
 */
export interface ReportCitation extends Omit<Citation, 'quotes'> {
  /** Verdict (from the check result, or skipped/excluded/unchecked without a request). */
  status: LinkStatus;
  /** Final HTTP status code. */
  httpStatus?: number;
  /** Final URL after redirects, when different. */
  finalUrl?: string;
  /** Redirect chain. */
  redirects: RedirectHop[];
  /** Error code of a failure. */
  errorCode?: CheckErrorCode;
  /** Short detail. */
  reason?: string;
  /** Cache history, when known. */
  history?: CheckHistory;
  /** True when the verdict was reused from the cache (`--cache`), not checked in this run. */
  fromCache?: boolean;
  /** Archived copies of the source (with `--archive`), or the archive the citation points into. */
  archive?: CitationArchive;
  /** A transient failure that `--confirm` does not yet call dead (LINK_FAILING). */
  unconfirmed?: boolean;
}

/** A block in the report. */
export interface ReportBlock extends Omit<Block, 'citations'> {
  /** Citations with verdicts. */
  citations: ReportCitation[];
}

/** A post in the report. */
export interface ReportPost extends Omit<ExtractedPost, 'blocks'> {
  /** Blocks with verdicts. */
  blocks: ReportBlock[];
}

/** Counts for the whole run. */
export interface ReportTotals {
  posts: number;
  blocks: number;
  claims: number;
  citations: number;
  uniqueUrls: number;
  damagedAnchors: number;
  /** Unique URLs per status (every status present, zero when none). */
  byStatus: Record<LinkStatus, number>;
  /** Findings per severity. */
  findings: Record<Severity, number>;
}

/** The report: the only input of every formatter. */
export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  /** ISO time the run started. */
  startedAt: string;
  /** Duration of the run in ms. */
  durationMs: number;
  /** The run was stopped early (Ctrl-C); the report is partial. */
  interrupted?: boolean;
  /** Why the inputs were read only in part (a site's API failed midway); the report covers the posts read. */
  incomplete?: string;
  /** The part of a sharded run this report covers (`--shard k/n`); absent for a whole run. */
  shard?: ReportShard;
  /** True when no request was made (--offline or `extract`). */
  offline?: boolean;
  totals: ReportTotals;
  posts: ReportPost[];
  /** Findings, sorted by severity, then post, block, code. */
  findings: Finding[];
  /** Per-host request figures. */
  hosts: HostStats[];
}

/** One part of a sharded run (`--shard k/n`): shard `index` of `count`. */
export interface Shard {
  /** Which part, from 1 to count. */
  index: number;
  /** How many parts the run is split into. */
  count: number;
}

/** Which part of a sharded run a report covers, and of what (`citecheck merge` checks both). */
export interface ReportShard extends Shard {
  /** Fingerprint (SHA-256) of the extracted posts: every shard of one run has the same. */
  inputs: string;
}
