import type { Severity } from '../types.js';

/** Per-host overrides (config file `hosts` map, keyed by host name). */
export interface HostOverride {
  /** Max requests in flight to this host. */
  concurrency?: number;
  /** Minimum gap between request starts to this host, in ms. */
  intervalMs?: number;
  /** Extra headers sent only to this host (never across a redirect to another origin). */
  headers?: Record<string, string>;
  /** Status ranges counted as ok for this host, e.g. "200..299,403". */
  accept?: string;
  /** false: list this host's links as `unchecked` without requesting them (e.g. hosts that always wall off bots). */
  check?: boolean;
}

/** Everything a run can be configured with. Defaults live in defaults.ts only. */
export interface CitecheckOptions {
  /** Global cap of requests in flight. */
  concurrency: number;
  /** Per-host cap of requests in flight. */
  hostConcurrency: number;
  /** Minimum gap between request starts to one host, in ms. */
  hostIntervalMs: number;
  /** Bound on one whole check (all retries and redirects), in ms. */
  timeoutMs: number;
  /** TCP/TLS connect timeout, in ms. */
  connectTimeoutMs: number;
  /** Time to wait for response headers, in ms. */
  headersTimeoutMs: number;
  /** Time allowed between body chunks, in ms. */
  bodyTimeoutMs: number;
  /** Retries after the first attempt for retryable failures. */
  retries: number;
  /** First backoff delay, in ms (doubles each retry, with jitter). */
  retryBaseDelayMs: number;
  /** Longest Retry-After honoured, in ms. */
  retryAfterMaxMs: number;
  /** Most redirect hops followed. */
  maxRedirects: number;
  /** Cap on bytes of a response body read (after decompression). */
  maxBodyBytes: number;
  /** Request method: GET (default) or HEAD falling back to GET. */
  method: 'get' | 'head';
  /** User-Agent header. */
  userAgent: string;
  /** Headers for every request, as "Name: value" scoped by host pattern ("host=Name: value") or global. */
  headers: HeaderRule[];
  /** Status ranges that count as ok in addition to 2xx, e.g. "200..299,403". */
  accept: string;
  /** Allow requests to loopback/private/link-local addresses. */
  allowPrivate: boolean;
  /** Make no request at all; http(s) links are `unchecked`. */
  offline: boolean;
  /** Check that cited #fragments exist on the page. */
  checkFragments: boolean;
  /** Fetch a made-up sibling URL to detect soft 404s. */
  soft404Probe: boolean;
  /** Check that text the post quotes still appears on the cited page (QUOTE_NOT_FOUND). */
  checkQuotes: boolean;
  /** Only URLs matching one of these regexes are checked (empty = all). */
  include: string[];
  /** URLs matching any of these regexes are `excluded`. */
  exclude: string[];
  /** Check images and iframes too. */
  includeMedia: boolean;
  /** Additions to the claim-signal rules (config `claims`; README "Claim signals"). */
  claims: ClaimOptions;
  /** URLs never checked, exact (compared normalised); reported `excluded` (config `ignore`). */
  ignore: string[];
  /** Bare URLs in Markdown table cells are links too (by default text, as Jekyll and Hugo print them). */
  linkify: boolean;
  /** Cache file path, or undefined for no cache. */
  cache?: string;
  /** How long an ok result is reused from the cache, in ms. */
  cacheMaxAgeMs: number;
  /** Lowest severity that makes the run exit 1 ("never" = always exit 0). */
  failOn: Severity | 'never';
  /** Per-host overrides. */
  hosts: Record<string, HostOverride>;
  /** REST bases of the content types `wp` reads (`--type posts,pages`). */
  postTypes: string[];
  /** Post statuses read by `wp` and from WXR exports (`--status`; other than publish needs credentials on a site). */
  statuses: string[];
  /** `wp`: only posts published after this ISO 8601 date-time. */
  after?: string;
  /** `wp`: only posts published before this ISO 8601 date-time. */
  before?: string;
  /** `wp`: only posts modified after this ISO 8601 date-time. */
  modifiedAfter?: string;
  /** `wp`: read at most this many posts. */
  limit?: number;
}

/** Additions to the claim-signal rules (config `claims`). */
export interface ClaimOptions {
  /** Words or phrases that count as attribution wherever they occur. */
  attributionWords: string[];
  /** Regexes: text they match never counts as attribution. */
  attributionIgnore: string[];
  /** Regexes: text they match never counts as a figure. */
  figureIgnore: string[];
}

/** A header to send, optionally only to one host. */
export interface HeaderRule {
  /** Host it is limited to; undefined = every host (still dropped on cross-origin redirects). */
  host?: string;
  /** Header name. */
  name: string;
  /** Header value. */
  value: string;
}
